import { expect } from 'chai'
import {
  conversionIdOf,
  mappingsFor,
} from '../../../../integrations/adwords/mappings'

describe('adwords mappingsFor', () => {
  it('reads the { key, value } list that Segment sends', () => {
    const mapping = [
      {
        key: 'signup',
        value: {
          eventName: 'signup',
          label: 'label-1',
          conversionId: '',
          remarketing: false,
        },
      },
      {
        key: 'login',
        value: {
          eventName: 'login',
          label: 'label-2',
          conversionId: 431,
          remarketing: true,
        },
      },
    ]

    expect(mappingsFor(mapping, 'signup')).to.deep.equal([
      { label: 'label-1', remarketing: false },
    ])
    expect(mappingsFor(mapping, 'login')).to.deep.equal([
      { label: 'label-2', conversionId: 431, remarketing: true },
    ])
  })

  it('reads entries without key or without the value wrapper, and labels by name', () => {
    const event = 'Order Completed'

    const shapes = [
      [{ value: { eventName: event, label: 'a' } }],
      [{ eventName: event, label: 'a' }],
      [{ key: event, value: 'a' }],
      { [event]: 'a' },
      { [event]: { label: 'a' } },
    ]

    for (const shape of shapes) {
      expect(mappingsFor(shape, event), JSON.stringify(shape)).to.deep.equal([
        { label: 'a', remarketing: false },
      ])
    }
  })

  it('matches names ignoring case and separators, never inherited keys', () => {
    const mapping = [{ value: { eventName: 'Signed Up', label: 'x' } }]

    expect(mappingsFor(mapping, 'signed_up')).to.have.length(1)
    expect(mappingsFor(mapping, 'SignedUp')).to.have.length(1)
    expect(mappingsFor(mapping, 'Signed')).to.deep.equal([])
    expect(mappingsFor({}, 'toString')).to.deep.equal([])
  })

  it('keeps a remarketing-only mapping, whose label is empty', () => {
    const mapping = [
      { value: { eventName: 'Viewed', label: '', remarketing: true } },
    ]

    expect(mappingsFor(mapping, 'Viewed')).to.deep.equal([
      { label: '', remarketing: true },
    ])
  })
})

describe('adwords conversionIdOf', () => {
  it('sends an all-digit ID as a number, as Google’s snippet declares it', () => {
    expect(conversionIdOf('978352801')).to.equal(978352801)
    expect(conversionIdOf(431)).to.equal(431)
  })

  it('sends any other ID unchanged', () => {
    expect(conversionIdOf('AW-978352801')).to.equal('AW-978352801')
    expect(conversionIdOf('832-518-3588')).to.equal('832-518-3588')
  })
})
