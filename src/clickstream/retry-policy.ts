import type { BackoffPolicy } from './config'

/** The meaning of a status for the events of the request that received it. */
export type StatusOutcome = 'delivered' | 'split' | 'retry' | 'drop'

/** Transient by nature: timeouts, a moved collector, rate limits, proxy resets. */
const RETRIED_STATUSES: readonly number[] = [408, 410, 429, 460]

/** Server errors that a retry cannot fix: not implemented, bad HTTP version, proxy login. */
const DROPPED_STATUSES: readonly number[] = [501, 505, 511]

/**
 * Values of `x-ratelimit-reset` at or above this are epoch seconds (any time
 * after 2001). Smaller values are seconds from now.
 */
const EPOCH_SECONDS_THRESHOLD = 1e9

/**
 * Classifies a response status. 2xx and 413 are fixed. Overrides win over
 * the built-in lists, which win over the 4xx/5xx defaults. Other statuses,
 * such as a redirect that fetch did not follow, are dropped.
 */
export function classifyStatus(
  status: number,
  policy: BackoffPolicy,
): StatusOutcome {
  if (status >= 200 && status < 300) return 'delivered'
  if (status === 413) return 'split'

  const override = policy.overrides.get(status)
  if (override) return override
  if (RETRIED_STATUSES.includes(status)) return 'retry'
  if (DROPPED_STATUSES.includes(status)) return 'drop'
  if (status >= 500 && status < 600) return policy.default5xx
  if (status >= 400 && status < 500) return policy.default4xx
  return 'drop'
}

/**
 * Returns the wait before retry number `retryNumber` (1 for the first
 * retry). The base interval doubles per earlier retry up to the maximum, and
 * jitter spreads it by up to `jitterPercent` either way, never above the
 * maximum. Below 33 % jitter each uncapped wait is longer than the last.
 */
export function backoffDelayMs(
  retryNumber: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const doublings = Math.min(Math.max(retryNumber - 1, 0), 40)
  const capped = Math.min(policy.baseMs * 2 ** doublings, policy.maxMs)
  const spread = (capped * policy.jitterPercent) / 100
  const jittered = capped + (random() * 2 - 1) * spread
  return Math.round(Math.min(policy.maxMs, Math.max(0, jittered)))
}

export interface RateLimitHeaders {
  retryAfter: string | null
  rateLimitReset: string | null
}

function parseRetryAfter(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000

  // The other form of the header is an HTTP date, e.g. `Wed, 21 Oct 2015 07:28:00 GMT`.
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : date - nowMs
}

function parseRateLimitReset(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim()
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined

  const seconds = Number(trimmed)
  if (seconds >= EPOCH_SECONDS_THRESHOLD) return seconds * 1000 - nowMs
  return seconds * 1000
}

/**
 * Returns the wait in milliseconds that the server asked for through
 * `Retry-After` (preferred) or `x-ratelimit-reset`, between 0 and `maxWaitMs`,
 * or undefined when neither header has a usable value.
 */
export function readServerWaitMs(
  headers: RateLimitHeaders,
  nowMs: number,
  maxWaitMs: number,
): number | undefined {
  let wait: number | undefined
  if (headers.retryAfter !== null) {
    wait = parseRetryAfter(headers.retryAfter, nowMs)
  }
  if (wait === undefined && headers.rateLimitReset !== null) {
    wait = parseRateLimitReset(headers.rateLimitReset, nowMs)
  }
  if (wait === undefined) return undefined
  return Math.min(maxWaitMs, Math.max(0, Math.ceil(wait)))
}
