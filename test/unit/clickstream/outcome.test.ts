import { expect } from 'chai'
import { resolveDeliveryConfig } from '../../../src/clickstream/config'
import {
  decideOutcome,
  rescheduleEntry,
  type DecisionContext,
} from '../../../src/clickstream/outcome'
import type { QueueEntry } from '../../../src/clickstream/queue'
import type { StoredEvent } from '../../../src/clickstream/queue-store'
import type { SendResult } from '../../../src/clickstream/transport'
import { makeEvent } from './helpers'

const NOW = Date.parse('2024-01-01T00:00:00.000Z')

function context(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return {
    config: resolveDeliveryConfig('wk', {
      httpConfig: {
        backoffConfig: { maxRetryCount: 2, jitterPercent: 0 },
        rateLimitConfig: { maxRetryCount: 1 },
      },
    }),
    requestSize: 1,
    offline: false,
    now: NOW,
    ...overrides,
  }
}

function record(attempts: number, rateLimitedRetries = 0): StoredEvent {
  return { event: makeEvent(), attempts, rateLimitedRetries }
}

function response(
  status: number,
  retryAfter: string | null = null,
): SendResult {
  return { kind: 'response', status, retryAfter, rateLimitReset: null }
}

const networkError: SendResult = { kind: 'network_error', detail: 'reset' }

describe('decideOutcome', () => {
  it('delivers a 2xx', () => {
    expect(decideOutcome(response(200), record(1), context())).to.deep.equal({
      action: 'deliver',
    })
  })

  it('backs off after a first 500', () => {
    expect(decideOutcome(response(500), record(1), context())).to.deep.equal({
      action: 'retry',
      waitMs: 500,
      rateLimited: false,
    })
  })

  it('doubles the wait on the second retry', () => {
    const decision = decideOutcome(response(500), record(2), context())

    expect(decision).to.deep.include({ waitMs: 1000 })
  })

  it('drops after the last retry', () => {
    const decision = decideOutcome(response(500), record(3), context())

    expect(decision).to.deep.include({
      reason: 'retries_exhausted',
      status: 500,
    })
  })

  it('retries a network error', () => {
    const decision = decideOutcome(networkError, record(1), context())

    expect(decision).to.deep.include({ action: 'retry' })
  })

  it('keeps the network error detail on exhaustion', () => {
    const decision = decideOutcome(networkError, record(3), context())

    expect(decision).to.deep.include({ detail: 'reset' })
  })

  it('holds a network error while offline', () => {
    const decision = decideOutcome(
      networkError,
      record(1),
      context({ offline: true }),
    )

    expect(decision).to.deep.equal({ action: 'hold' })
  })

  it('honours Retry-After on a 429', () => {
    const decision = decideOutcome(response(429, '3'), record(1), context())

    expect(decision).to.deep.equal({
      action: 'retry',
      waitMs: 3000,
      rateLimited: true,
    })
  })

  it('waits at least the base backoff', () => {
    const decision = decideOutcome(response(429, '0'), record(1), context())

    expect(decision).to.deep.include({ waitMs: 500 })
  })

  it('counts a 503 with Retry-After as rate limited', () => {
    const decision = decideOutcome(response(503, '1'), record(1), context())

    expect(decision).to.deep.include({ rateLimited: true })
  })

  it('drops when rate-limited retries run out', () => {
    const decision = decideOutcome(response(429, '1'), record(2, 1), context())

    expect(decision).to.deep.include({
      reason: 'retries_exhausted',
      status: 429,
    })
  })

  it('ignores rate-limited retries in the backoff budget', () => {
    const decision = decideOutcome(response(500), record(3, 1), context())

    expect(decision).to.deep.include({ action: 'retry', waitMs: 1000 })
  })

  it('splits a 413 batch in halves', () => {
    const decision = decideOutcome(
      response(413),
      record(1),
      context({ requestSize: 5 }),
    )

    expect(decision).to.deep.equal({ action: 'split', batchLimit: 3 })
  })

  it('drops a lone event on 413', () => {
    const decision = decideOutcome(response(413), record(1), context())

    expect(decision).to.deep.include({ reason: 'event_too_large', status: 413 })
  })

  it('rejects a 400', () => {
    const decision = decideOutcome(response(400), record(1), context())

    expect(decision).to.deep.equal({
      action: 'drop',
      reason: 'rejected',
      status: 400,
    })
  })
})

describe('rescheduleEntry', () => {
  function entry(attempts: number): QueueEntry {
    return {
      ...record(attempts),
      json: '{}',
      bytes: 2,
      inFlight: false,
      notBefore: 0,
      sendBy: 0,
      batchLimit: Infinity,
    }
  }

  it('stores the retry time', () => {
    const target = entry(1)

    rescheduleEntry(
      target,
      { action: 'retry', waitMs: 700, rateLimited: false },
      NOW,
    )

    expect(target.retryAt).to.equal(NOW + 700)
  })

  it('holds the entry until the retry time', () => {
    const target = entry(1)

    rescheduleEntry(
      target,
      { action: 'retry', waitMs: 700, rateLimited: false },
      NOW,
    )

    expect(target.notBefore).to.equal(NOW + 700)
  })

  it('counts a rate-limited retry', () => {
    const target = entry(1)

    rescheduleEntry(
      target,
      { action: 'retry', waitMs: 700, rateLimited: true },
      NOW,
    )

    expect(target.rateLimitedRetries).to.equal(1)
  })

  it('takes back the attempt of a hold', () => {
    const target = entry(1)

    rescheduleEntry(target, { action: 'hold' }, NOW)

    expect(target.attempts).to.equal(0)
  })

  it('lowers the batch limit on a split', () => {
    const target = entry(1)

    rescheduleEntry(target, { action: 'split', batchLimit: 2 }, NOW)

    expect(target.batchLimit).to.equal(2)
  })
})
