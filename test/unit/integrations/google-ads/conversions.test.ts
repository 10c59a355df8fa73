import { expect } from 'chai'
import {
  conversionsFor,
  sendTo,
} from '../../../../integrations/google-ads/conversions'

describe('google-ads conversionsFor', () => {
  it('reads Segment’s list of wrapped entries', () => {
    const mapping = [
      { value: { event: 'Signed Up', id: 'label-1', accountId: '' } },
      { value: { event: 'Login', id: 'label-2', accountId: 'AW-2' } },
    ]

    expect(conversionsFor(mapping, 'Signed Up')).to.deep.equal([
      { id: 'label-1' },
    ])
    expect(conversionsFor(mapping, 'Login')).to.deep.equal([
      { id: 'label-2', accountId: 'AW-2' },
    ])
  })

  it('reads { key, value } pairs, bare entries and an object of labels', () => {
    const event = 'Order Completed'

    const shapes = [
      [{ key: event, value: { id: 'a' } }],
      [{ key: event, value: 'a' }],
      [{ event, id: 'a' }],
      { [event]: 'a' },
      { [event]: { id: 'a' } },
    ]

    for (const shape of shapes) {
      expect(conversionsFor(shape, event), JSON.stringify(shape)).to.deep.equal(
        [{ id: 'a' }],
      )
    }
  })

  it('returns every conversion mapped to one event, in settings order', () => {
    const mapping = [
      { value: { event: 'Landing', id: 'first' } },
      { value: { event: 'Pricing', id: 'other' } },
      { value: { event: 'Landing', id: 'second', accountId: 'AW-9' } },
    ]

    expect(conversionsFor(mapping, 'Landing')).to.deep.equal([
      { id: 'first' },
      { id: 'second', accountId: 'AW-9' },
    ])
    expect(
      conversionsFor({ Landing: ['first', 'second'] }, 'landing'),
    ).to.deep.equal([{ id: 'first' }, { id: 'second' }])
  })

  it('matches names ignoring case and separators', () => {
    const mapping = [{ value: { event: 'Order Completed', id: 'x' } }]

    for (const name of [
      'order completed',
      'order_completed',
      'OrderCompleted',
    ]) {
      expect(conversionsFor(mapping, name), name).to.deep.equal([{ id: 'x' }])
    }
    expect(conversionsFor(mapping, 'Order Complete')).to.deep.equal([])
  })

  it('skips entries without a label and lists of bare names', () => {
    const mapping = [
      'Signed Up',
      { value: { event: 'Signed Up', id: '' } },
      { value: { event: 'Signed Up' } },
      null,
    ]

    expect(conversionsFor(mapping, 'Signed Up')).to.deep.equal([])
    expect(conversionsFor(undefined, 'Signed Up')).to.deep.equal([])
  })

  it('does not match inherited object keys', () => {
    expect(conversionsFor({}, 'toString')).to.deep.equal([])
    expect(conversionsFor([], 'constructor')).to.deep.equal([])
  })
})

describe('google-ads sendTo', () => {
  it('joins the account and the label, preferring the conversion account', () => {
    expect(sendTo({ id: 'abc' }, 'AW-1')).to.equal('AW-1/abc')
    expect(sendTo({ id: 'abc', accountId: 'AW-2' }, 'AW-1')).to.equal(
      'AW-2/abc',
    )
  })
})
