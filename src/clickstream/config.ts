import type { ClickstreamSettings } from './types'

export type RetryBehavior = 'drop' | 'retry'

export interface BackoffPolicy {
  maxRetryCount: number
  baseMs: number
  maxMs: number
  jitterPercent: number
  default4xx: RetryBehavior
  default5xx: RetryBehavior
  overrides: ReadonlyMap<number, RetryBehavior>
}

export interface RateLimitPolicy {
  maxRetryCount: number
  maxWaitMs: number
}

/** Settings after defaults and clamping: every field is safe to use as is. */
export interface DeliveryConfig {
  /** Base URL without a trailing slash, or undefined when no host is known. */
  endpoint: string | undefined
  /** Value of the body's `writeKey` field. */
  authKey: string
  batching: boolean
  batchSize: number
  batchTimeoutMs: number
  requestTimeoutMs: number
  backoff: BackoffPolicy
  rateLimit: RateLimitPolicy
}

function clampNumber(
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback
  return Math.min(max, Math.max(min, value))
}

function clampInteger(
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  return Math.round(clampNumber(value, fallback, min, max))
}

function readBehavior(value: unknown, fallback: RetryBehavior): RetryBehavior {
  return value === 'drop' || value === 'retry' ? value : fallback
}

/** Keeps only three-digit status keys with a known behaviour. */
function readOverrides(value: unknown): Map<number, RetryBehavior> {
  const overrides = new Map<number, RetryBehavior>()
  if (!value || typeof value !== 'object') return overrides

  for (const [key, behavior] of Object.entries(value)) {
    const status = Number(key)
    const valid = /^\d{3}$/.test(key) && status >= 100 && status <= 599
    if (valid && (behavior === 'drop' || behavior === 'retry')) {
      overrides.set(status, behavior)
    }
  }
  return overrides
}

function buildEndpoint(settings: ClickstreamSettings): string | undefined {
  const host =
    typeof settings.apiHost === 'string' ? settings.apiHost.trim() : ''
  if (!host) return undefined

  const bare = host.replace(/\/+$/, '')
  if (/^https?:\/\//i.test(bare)) return bare
  const protocol = settings.protocol === 'http' ? 'http' : 'https'
  return `${protocol}://${bare}`
}

/** Applies defaults and clamps every value of the destination's settings. */
export function resolveDeliveryConfig(
  writeKey: string,
  settings: ClickstreamSettings,
): DeliveryConfig {
  const strategy = settings.deliveryStrategy
  const http = settings.httpConfig ?? {}
  const backoff = http.backoffConfig ?? {}
  const rateLimit = http.rateLimitConfig ?? {}

  const baseSeconds = clampNumber(backoff.baseBackoffInterval, 0.5, 0.1, 60)
  const maxSeconds = clampNumber(
    backoff.maxBackoffInterval,
    Math.max(60, baseSeconds),
    baseSeconds,
    3600,
  )
  const apiKey = typeof settings.apiKey === 'string' ? settings.apiKey : ''

  return {
    endpoint: buildEndpoint(settings),
    authKey: apiKey || writeKey,
    batching: strategy?.strategy === 'batching',
    batchSize: clampInteger(strategy?.config?.size, 10, 1, 1000),
    batchTimeoutMs: clampNumber(strategy?.config?.timeout, 5000, 0, 60_000),
    requestTimeoutMs: clampNumber(http.requestTimeout, 10_000, 1000, 120_000),
    backoff: {
      maxRetryCount: clampInteger(backoff.maxRetryCount, 10, 0, 1000),
      baseMs: baseSeconds * 1000,
      maxMs: maxSeconds * 1000,
      jitterPercent: clampNumber(backoff.jitterPercent, 10, 0, 100),
      default4xx: readBehavior(backoff.default4xxBehavior, 'drop'),
      default5xx: readBehavior(backoff.default5xxBehavior, 'retry'),
      overrides: readOverrides(backoff.statusCodeOverrides),
    },
    rateLimit: {
      maxRetryCount: clampInteger(rateLimit.maxRetryCount, 100, 0, 1000),
      maxWaitMs: clampNumber(rateLimit.maxRetryInterval, 300, 1, 3600) * 1000,
    },
  }
}
