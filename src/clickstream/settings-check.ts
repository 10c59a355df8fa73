import type { ClickstreamSettings } from './types'

interface Range {
  path: string
  value: unknown
  min: number
  max: number
  integer?: boolean
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value)
}

/**
 * Lists the endpoint settings that are invalid or out of range, each naming
 * the option, the value received and what is accepted. The delivery engine
 * clamps them either way, and these messages go to the site owner.
 */
export function findSettingsProblems(settings: ClickstreamSettings): string[] {
  const problems: string[] = []
  const strategy = settings.deliveryStrategy
  const http = settings.httpConfig ?? {}
  const backoff = http.backoffConfig ?? {}
  const rateLimit = http.rateLimitConfig ?? {}

  const choices: Array<[string, unknown, string[]]> = [
    ['protocol', settings.protocol, ['http', 'https']],
    ['deliveryStrategy.strategy', strategy?.strategy, ['standard', 'batching']],
    [
      'httpConfig.backoffConfig.default4xxBehavior',
      backoff.default4xxBehavior,
      ['drop', 'retry'],
    ],
    [
      'httpConfig.backoffConfig.default5xxBehavior',
      backoff.default5xxBehavior,
      ['drop', 'retry'],
    ],
  ]
  for (const [path, value, allowed] of choices) {
    if (value !== undefined && !allowed.includes(value as string)) {
      problems.push(
        `${path} must be ${allowed.map((item) => `"${item}"`).join(' or ')}, received ${describeValue(value)}`,
      )
    }
  }

  const ranges: Range[] = [
    {
      path: 'deliveryStrategy.config.size',
      value: strategy?.config?.size,
      min: 1,
      max: 1000,
      integer: true,
    },
    {
      path: 'deliveryStrategy.config.timeout',
      value: strategy?.config?.timeout,
      min: 0,
      max: 60_000,
    },
    {
      path: 'httpConfig.requestTimeout',
      value: http.requestTimeout,
      min: 1000,
      max: 120_000,
    },
    {
      path: 'httpConfig.backoffConfig.maxRetryCount',
      value: backoff.maxRetryCount,
      min: 0,
      max: 1000,
      integer: true,
    },
    {
      path: 'httpConfig.backoffConfig.baseBackoffInterval',
      value: backoff.baseBackoffInterval,
      min: 0.1,
      max: 60,
    },
    {
      path: 'httpConfig.backoffConfig.maxBackoffInterval',
      value: backoff.maxBackoffInterval,
      min: 0.1,
      max: 3600,
    },
    {
      path: 'httpConfig.backoffConfig.jitterPercent',
      value: backoff.jitterPercent,
      min: 0,
      max: 100,
    },
    {
      path: 'httpConfig.rateLimitConfig.maxRetryCount',
      value: rateLimit.maxRetryCount,
      min: 0,
      max: 1000,
      integer: true,
    },
    {
      path: 'httpConfig.rateLimitConfig.maxRetryInterval',
      value: rateLimit.maxRetryInterval,
      min: 1,
      max: 3600,
    },
  ]
  for (const { path, value, min, max, integer } of ranges) {
    if (value === undefined) continue
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= min &&
      value <= max &&
      (!integer || Number.isInteger(value))
    if (!valid) {
      const kind = integer ? 'an integer' : 'a number'
      problems.push(
        `${path} must be ${kind} from ${min} to ${max}, received ${describeValue(value)}`,
      )
    }
  }
  return problems
}
