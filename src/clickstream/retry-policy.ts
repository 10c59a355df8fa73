import type { DeliveryConfig } from './config'

/** The meaning of a status for the events of the request that received it. */
export type StatusOutcome = 'delivered' | 'split' | 'retry' | 'drop'

/** Transient by nature: timeouts, a moved collector, rate limits, proxy resets. */
const RETRIED_STATUSES: readonly number[] = [408, 410, 429, 460]

/** Server errors that a retry cannot fix: not implemented, bad HTTP version, proxy login. */
const DROPPED_STATUSES: readonly number[] = [501, 505, 511]

/**
 * Classifies a response status. 2xx and 413 are fixed. Overrides win over
 * the built-in lists, which win over the 4xx/5xx defaults. Other statuses,
 * such as a redirect that fetch did not follow, are dropped.
 */
export function classifyStatus(
  status: number,
  config: DeliveryConfig,
): StatusOutcome {
  if (status >= 200 && status < 300) return 'delivered'
  if (status === 413) return 'split'

  const override = config.overrides.get(status)
  if (override) return override
  if (RETRIED_STATUSES.includes(status)) return 'retry'
  if (DROPPED_STATUSES.includes(status)) return 'drop'
  if (status >= 500 && status < 600) return config.default5xx
  if (status >= 400 && status < 500) return config.default4xx
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
  config: DeliveryConfig,
  random: () => number = Math.random,
): number {
  const { baseBackoffMs, maxBackoffMs } = config
  const doublings = Math.min(Math.max(retryNumber - 1, 0), 40)
  const capped = Math.min(baseBackoffMs * 2 ** doublings, maxBackoffMs)
  const spread = (capped * config.jitterPercent) / 100
  const jittered = capped + (random() * 2 - 1) * spread
  return Math.round(Math.min(maxBackoffMs, Math.max(0, jittered)))
}

export interface RateLimitHeaders {
  retryAfter: string | null
  rateLimitReset: string | null
}

/**
 * Values of `x-ratelimit-reset` at or above this are epoch milliseconds
 * (epoch seconds after 2001). Smaller values are a wait from now.
 */
const EPOCH_MS_THRESHOLD = 1e12

/** Reads a header value of decimal seconds, e.g. `1.5`, in milliseconds. */
function readSeconds(value: string | null): number | undefined {
  const trimmed = (value || '').trim()
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : undefined
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
  let wait = readSeconds(headers.retryAfter)
  // The other form of `Retry-After` is an HTTP date, e.g. `Wed, 21 Oct 2015 07:28:00 GMT`.
  const date = Date.parse((headers.retryAfter || '').trim())
  if (wait === undefined && !Number.isNaN(date)) wait = date - nowMs
  if (wait === undefined) {
    wait = readSeconds(headers.rateLimitReset)
    if (wait !== undefined && wait >= EPOCH_MS_THRESHOLD) wait -= nowMs
  }
  return wait === undefined
    ? undefined
    : Math.min(maxWaitMs, Math.max(0, Math.ceil(wait)))
}
