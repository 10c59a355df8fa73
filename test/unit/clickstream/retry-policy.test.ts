import { expect } from 'chai'
import { resolveDeliveryConfig } from '../../../src/clickstream/config'
import {
  backoffDelayMs,
  classifyStatus,
  readServerWaitMs,
} from '../../../src/clickstream/retry-policy'
import type { BackoffConfig } from '../../../src/clickstream/types'

function policy(backoffConfig: BackoffConfig = {}) {
  return resolveDeliveryConfig('wk', { httpConfig: { backoffConfig } })
}

describe('classifyStatus', () => {
  const defaults: Array<[number, string]> = [
    [200, 'delivered'],
    [204, 'delivered'],
    [413, 'split'],
    [500, 'retry'],
    [503, 'retry'],
    [408, 'retry'],
    [410, 'retry'],
    [429, 'retry'],
    [460, 'retry'],
    [501, 'drop'],
    [505, 'drop'],
    [511, 'drop'],
    [400, 'drop'],
    [404, 'drop'],
    [302, 'drop'],
  ]
  for (const [status, outcome] of defaults) {
    it(`classifies ${status} as ${outcome}`, () => {
      expect(classifyStatus(status, policy())).to.equal(outcome)
    })
  }

  it('applies a status override', () => {
    const overridden = policy({ statusCodeOverrides: { '400': 'retry' } })

    expect(classifyStatus(400, overridden)).to.equal('retry')
  })

  it('lets an override drop a listed status', () => {
    const overridden = policy({ statusCodeOverrides: { '429': 'drop' } })

    expect(classifyStatus(429, overridden)).to.equal('drop')
  })

  it('keeps 2xx delivered despite overrides', () => {
    const overridden = policy({ statusCodeOverrides: { '200': 'drop' } })

    expect(classifyStatus(200, overridden)).to.equal('delivered')
  })

  it('applies default4xxBehavior', () => {
    expect(
      classifyStatus(404, policy({ default4xxBehavior: 'retry' })),
    ).to.equal('retry')
  })

  it('applies default5xxBehavior', () => {
    expect(
      classifyStatus(500, policy({ default5xxBehavior: 'drop' })),
    ).to.equal('drop')
  })
})

describe('backoffDelayMs', () => {
  const noJitter = policy({ jitterPercent: 0 })

  it('starts at the base interval', () => {
    expect(backoffDelayMs(1, noJitter)).to.equal(500)
  })

  it('doubles per retry', () => {
    expect(backoffDelayMs(3, noJitter)).to.equal(2000)
  })

  it('stops at the max interval', () => {
    expect(backoffDelayMs(30, noJitter)).to.equal(60_000)
  })

  it('survives huge retry numbers', () => {
    expect(backoffDelayMs(1e6, noJitter)).to.equal(60_000)
  })

  it('spreads down by jitterPercent', () => {
    expect(backoffDelayMs(2, policy(), () => 0)).to.equal(900)
  })

  it('spreads up by jitterPercent', () => {
    expect(backoffDelayMs(2, policy(), () => 1)).to.equal(1100)
  })

  it('never exceeds the max with jitter', () => {
    expect(backoffDelayMs(30, policy(), () => 1)).to.equal(60_000)
  })

  it('grows between retries at worst jitter', () => {
    const longest = backoffDelayMs(2, policy(), () => 1)
    const shortest = backoffDelayMs(3, policy(), () => 0)

    expect(shortest).to.be.greaterThan(longest)
  })
})

describe('readServerWaitMs', () => {
  const now = Date.parse('2024-01-01T00:00:00.000Z')
  const cap = 300_000
  const headers = (
    retryAfter: string | null,
    rateLimitReset: string | null,
  ) => ({
    retryAfter,
    rateLimitReset,
  })

  it('reads Retry-After seconds', () => {
    expect(readServerWaitMs(headers('2', null), now, cap)).to.equal(2000)
  })

  it('reads a Retry-After HTTP date', () => {
    const date = 'Mon, 01 Jan 2024 00:00:03 GMT'

    expect(readServerWaitMs(headers(date, null), now, cap)).to.equal(3000)
  })

  it('treats a past date as no wait', () => {
    const date = 'Sun, 31 Dec 2023 23:00:00 GMT'

    expect(readServerWaitMs(headers(date, null), now, cap)).to.equal(0)
  })

  it('reads x-ratelimit-reset seconds', () => {
    expect(readServerWaitMs(headers(null, '4'), now, cap)).to.equal(4000)
  })

  it('reads x-ratelimit-reset epoch seconds', () => {
    const reset = String(now / 1000 + 5)

    expect(readServerWaitMs(headers(null, reset), now, cap)).to.equal(5000)
  })

  it('prefers Retry-After', () => {
    expect(readServerWaitMs(headers('1', '9'), now, cap)).to.equal(1000)
  })

  it('falls back when Retry-After is invalid', () => {
    expect(readServerWaitMs(headers('soon', '2'), now, cap)).to.equal(2000)
  })

  it('caps the wait', () => {
    expect(readServerWaitMs(headers('86400', null), now, cap)).to.equal(cap)
  })

  it('returns undefined without headers', () => {
    expect(readServerWaitMs(headers(null, null), now, cap)).to.equal(undefined)
  })
})
