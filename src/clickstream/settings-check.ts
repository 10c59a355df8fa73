import type { ClickstreamSettings } from './types'

/** An option with a fixed set of values: its path, the values, the default. */
type ChoiceOption = [path: string, allowed: string[], fallback: string]

/**
 * A numeric option: its path, default and range. `scale` converts the
 * option's unit (seconds) to milliseconds. `integer` options take whole
 * numbers only.
 */
type NumberOption = [
  path: string,
  fallback: number,
  min: number,
  max: number,
  scale?: number,
  integer?: boolean,
]

const BACKOFF = 'httpConfig.backoffConfig.'
const RATE_LIMIT = 'httpConfig.rateLimitConfig.'
const DROP_OR_RETRY = ['drop', 'retry']

/** Every checked option, by the name of its resolved value. */
const CHOICES = {
  protocol: ['protocol', ['http', 'https'], 'https'],
  strategy: ['deliveryStrategy.strategy', ['standard', 'batching'], 'standard'],
  default4xx: [`${BACKOFF}default4xxBehavior`, DROP_OR_RETRY, 'drop'],
  default5xx: [`${BACKOFF}default5xxBehavior`, DROP_OR_RETRY, 'retry'],
} satisfies Record<string, ChoiceOption>

const NUMBERS = {
  batchSize: ['deliveryStrategy.config.size', 10, 1, 1000, 1, true],
  batchTimeoutMs: ['deliveryStrategy.config.timeout', 5000, 0, 60_000],
  requestTimeoutMs: ['httpConfig.requestTimeout', 10_000, 1000, 120_000],
  maxRetries: [`${BACKOFF}maxRetryCount`, 10, 0, 1000, 1, true],
  baseBackoffMs: [`${BACKOFF}baseBackoffInterval`, 0.5, 0.1, 60, 1000],
  // Raised to the base interval once both are read.
  maxBackoffMs: [`${BACKOFF}maxBackoffInterval`, 60, 0.1, 3600, 1000],
  jitterPercent: [`${BACKOFF}jitterPercent`, 10, 0, 100],
  maxRateLimitRetries: [`${RATE_LIMIT}maxRetryCount`, 100, 0, 1000, 1, true],
  maxRateLimitWaitMs: [`${RATE_LIMIT}maxRetryInterval`, 300, 1, 3600, 1000],
} satisfies Record<string, NumberOption>

/** The checked options after defaults and clamping, in milliseconds where timed. */
export type OptionValues = {
  protocol: 'http' | 'https'
  strategy: 'standard' | 'batching'
  default4xx: 'drop' | 'retry'
  default5xx: 'drop' | 'retry'
} & Record<keyof typeof NUMBERS, number>

/** Reads the value at a dotted option path, e.g. `httpConfig.requestTimeout`. */
export function readPath(settings: ClickstreamSettings, path: string): unknown {
  let value: unknown = settings
  for (const key of path.split('.')) {
    value = value == null ? undefined : (value as Record<string, unknown>)[key]
  }
  return value
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value)
}

/**
 * Reads the checked options of the endpoint settings. Invalid values fall
 * back to the default and out-of-range numbers are clamped. Each invalid
 * value also yields a problem that names the option, the value received and
 * what is accepted, for the site owner.
 */
export function readOptions(settings: ClickstreamSettings): {
  values: OptionValues
  problems: string[]
} {
  const values: Record<string, unknown> = {}
  const problems: string[] = []
  const report = (path: string, accepted: string, value: unknown): void => {
    problems.push(
      `${path} must be ${accepted}, received ${describeValue(value)}`,
    )
  }

  for (const [name, option] of Object.entries(CHOICES)) {
    const [path, allowed, fallback] = option as ChoiceOption
    const value = readPath(settings, path)
    const valid = allowed.includes(value as string)
    if (!valid && value !== undefined) {
      report(path, allowed.map(describeValue).join(' or '), value)
    }
    values[name] = valid ? value : fallback
  }

  for (const [name, option] of Object.entries(NUMBERS)) {
    const [path, fallback, min, max, scale = 1, integer] =
      option as NumberOption
    const value = readPath(settings, path)
    const number = typeof value === 'number' && !Number.isNaN(value)
    const valid =
      number && value >= min && value <= max && (!integer || value % 1 === 0)
    if (!valid && value !== undefined) {
      const kind = integer ? 'an integer' : 'a number'
      report(path, `${kind} from ${min} to ${max}`, value)
    }
    const clamped = number ? Math.min(max, Math.max(min, value)) : fallback
    values[name] = (integer ? Math.round(clamped) : clamped) * scale
  }

  const resolved = values as OptionValues
  resolved.maxBackoffMs = Math.max(
    resolved.maxBackoffMs,
    resolved.baseBackoffMs,
  )
  return { values: resolved, problems }
}

/**
 * Lists the endpoint settings that are invalid or out of range, each naming
 * the option, the value received and what is accepted. The delivery engine
 * clamps them either way, and these messages go to the site owner.
 */
export function findSettingsProblems(settings: ClickstreamSettings): string[] {
  return readOptions(settings).problems
}
