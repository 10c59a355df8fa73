import { expect } from 'chai'
import {
  batchBody,
  batchEnvelopeBytes,
  singleEventBody,
  singleOverheadBytes,
  utf8ByteLength,
  withoutRequestFields,
} from '../../../src/clickstream/wire'
import { makeEvent } from './helpers'

describe('wire format', () => {
  describe('utf8ByteLength', () => {
    const samples = [
      '',
      'ascii',
      '\x7f',
      '\x80',
      'é',
      '€',
      '😀',
      'a😀é€',
      '\ud800x',
    ]
    for (const sample of samples) {
      it(`counts ${JSON.stringify(sample)} as Buffer does`, () => {
        expect(utf8ByteLength(sample)).to.equal(Buffer.byteLength(sample))
      })
    }
  })

  it('adds writeKey and sentAt to one event', () => {
    const event = makeEvent()
    const body = singleEventBody(JSON.stringify(event), 'wk', 'S')

    expect(JSON.parse(body)).to.deep.equal({
      ...event,
      writeKey: 'wk',
      sentAt: 'S',
    })
  })

  it('builds a batch body', () => {
    const events = [makeEvent(), makeEvent()]
    const body = batchBody(
      events.map((e) => JSON.stringify(e)),
      'wk',
      'S',
    )

    expect(JSON.parse(body)).to.deep.equal({
      batch: events,
      writeKey: 'wk',
      sentAt: 'S',
    })
  })

  it('sizes the single-event overhead exactly', () => {
    const json = JSON.stringify(makeEvent())
    const sentAt = new Date().toISOString()
    const body = singleEventBody(json, 'clé', sentAt)

    expect(utf8ByteLength(body)).to.equal(
      utf8ByteLength(json) + singleOverheadBytes('clé'),
    )
  })

  it('sizes the batch envelope exactly', () => {
    const body = batchBody([], 'clé', new Date().toISOString())

    expect(utf8ByteLength(body)).to.equal(batchEnvelopeBytes('clé'))
  })

  it('strips per-request fields from a copy', () => {
    const event = makeEvent({ sentAt: 'old', writeKey: 'other' })
    const copy = withoutRequestFields(event)

    expect(Object.keys(copy)).to.not.include.members(['sentAt', 'writeKey'])
  })

  it('leaves the original event alone', () => {
    const event = makeEvent({ sentAt: 'old' })
    withoutRequestFields(event)

    expect(event.sentAt).to.equal('old')
  })
})
