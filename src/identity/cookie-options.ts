import { describe } from '../arguments'
import { getLocation } from '../global-scope'
import type { CookieAttributes } from './cookie'
import { findTopDomain } from './cookie-domain'
import { logger } from './log'
import type { CookieOptions } from './types'

export const DEFAULT_COOKIE_MAXAGE_DAYS = 365

const DAY_MS = 24 * 60 * 60 * 1000

/** Rejects text that would end the attribute and inject another one. */
const TEXT: Check = [
  (value) => typeof value === 'string' && !/[;\r\n]/.test(value),
  'a string without ";" or line breaks',
]

type Check = [(value: unknown) => boolean, string]

/** The test and the expected value, in the words of the error, per option. */
const CHECKS: Record<keyof CookieOptions, Check> = {
  maxage: [
    (value) => typeof value === 'number' && Number.isFinite(value) && value > 0,
    'a positive number of days',
  ],
  domain: TEXT,
  path: TEXT,
  sameSite: TEXT,
  secure: [(value) => typeof value === 'boolean', 'true or false'],
}

/**
 * Merges the `cookie` load option over the defaults: the probed top domain,
 * path `/`, expiry in 365 days, `SameSite=Lax`, and `Secure` on https pages.
 * An empty `domain` writes host-only cookies. Invalid values are reported
 * once and replaced by their default. The expiry counts from `now`, so call
 * this at each write.
 */
export function resolveCookieAttributes(
  options: CookieOptions = {},
  now: number = Date.now(),
): CookieAttributes {
  function valid<K extends keyof CookieOptions>(name: K): CookieOptions[K] {
    const value = options[name]
    const [isValid, expected] = CHECKS[name]
    if (value === undefined || isValid(value)) return value
    logger.misuse(
      `cookie.${name}`,
      `Invalid cookie.${name} ${describe(value)}: expected ${expected}; using the default.`,
    )
    return undefined
  }

  const maxage = valid('maxage') ?? DEFAULT_COOKIE_MAXAGE_DAYS
  return {
    domain: valid('domain') ?? findTopDomain(),
    path: valid('path') ?? '/',
    expires: new Date(now + maxage * DAY_MS),
    sameSite: valid('sameSite') ?? 'Lax',
    secure: valid('secure') ?? getLocation()?.protocol === 'https:',
  }
}
