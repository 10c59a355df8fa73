import { expect } from 'chai'
import { resolveDeliveryConfig } from '../../../src/clickstream/config'
import type { StoredEvent } from '../../../src/clickstream/queue-store'
import { restoreQueue } from '../../../src/clickstream/restore'
import type { SegmentEvent } from '../../../src/message/types'
import { makeEvent } from './helpers'

const NOW = Date.parse('2024-01-01T00:00:00.000Z')
const config = resolveDeliveryConfig('wk', {
  httpConfig: { backoffConfig: { maxRetryCount: 3 } },
})

function stored(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    event: makeEvent(),
    attempts: 1,
    rateLimitedRetries: 0,
    ...overrides,
  }
}

describe('restoreQueue', () => {
  it('keeps stored order', () => {
    const records = [stored(), stored()]

    const { entries } = restoreQueue(records, config, NOW)

    expect(entries.map((e) => e.event.messageId)).to.deep.equal(
      records.map((r) => r.event.messageId),
    )
  })

  it('keeps the attempt count', () => {
    const { entries } = restoreQueue([stored({ attempts: 2 })], config, NOW)

    expect(entries[0]?.attempts).to.equal(2)
  })

  it('keeps a repeated messageId once', () => {
    const record = stored()

    const { entries } = restoreQueue([record, record], config, NOW)

    expect(entries).to.have.length(1)
  })

  it('keeps an event with retries left', () => {
    const { entries } = restoreQueue([stored({ attempts: 3 })], config, NOW)

    expect(entries).to.have.length(1)
  })

  it('drops an event with no retries left', () => {
    const { drops } = restoreQueue([stored({ attempts: 4 })], config, NOW)

    expect(drops[0]?.reason).to.equal('retries_exhausted')
  })

  it('leaves rate-limited retries out of the count', () => {
    const record = stored({ attempts: 5, rateLimitedRetries: 2 })

    const { entries } = restoreQueue([record], config, NOW)

    expect(entries).to.have.length(1)
  })

  it('drops an event of unknown type', () => {
    const event = { ...makeEvent(), type: 'unknown' } as unknown as SegmentEvent

    const { drops } = restoreQueue([stored({ event })], config, NOW)

    expect(drops[0]?.reason).to.equal('invalid_argument')
  })

  it('honours a stored retry time', () => {
    const { entries } = restoreQueue(
      [stored({ retryAt: NOW + 2000 })],
      config,
      NOW,
    )

    expect(entries[0]?.notBefore).to.equal(NOW + 2000)
  })

  it('caps a retry time set far ahead', () => {
    const { entries } = restoreQueue(
      [stored({ retryAt: NOW + 1e9 })],
      config,
      NOW,
    )

    expect(entries[0]?.notBefore).to.equal(NOW + 300_000)
  })

  it('sends restored events at once', () => {
    const { entries } = restoreQueue([stored()], config, NOW)

    expect(entries[0]?.sendBy).to.equal(NOW)
  })
})
