import { createLogger } from '../debug'
import { getLocation } from '../global-scope'
import type { CookieAttributes } from './cookie'
import { findTopDomain } from './cookie-domain'
import type { CookieOptions } from './types'

export const DEFAULT_COOKIE_MAXAGE_DAYS = 365

const DAY_MS = 24 * 60 * 60 * 1000
const logger = createLogger('identity')

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
  const maxage = validMaxage(options.maxage)
  return {
    domain: validText('domain', options.domain) ?? findTopDomain(),
    path: validText('path', options.path) ?? '/',
    expires: new Date(now + maxage * DAY_MS),
    sameSite: validText('sameSite', options.sameSite) ?? 'Lax',
    secure: validSecure(options.secure) ?? isHttpsPage(),
  }
}

function isHttpsPage(): boolean {
  return getLocation()?.protocol === 'https:'
}

function validMaxage(value: unknown): number {
  if (value === undefined) return DEFAULT_COOKIE_MAXAGE_DAYS
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return value
  }
  logger.misuse(
    'cookie.maxage',
    `Invalid cookie.maxage ${describe(value)}: expected a positive number ` +
      `of days; using ${DEFAULT_COOKIE_MAXAGE_DAYS}.`,
  )
  return DEFAULT_COOKIE_MAXAGE_DAYS
}

/** Rejects values that would end the attribute and inject another one. */
function validText(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && !/[;\r\n]/.test(value)) return value

  logger.misuse(
    `cookie.${name}`,
    `Invalid cookie.${name} ${describe(value)}: expected a string ` +
      'without ";" or line breaks; using the default.',
  )
  return undefined
}

function validSecure(value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value

  logger.misuse(
    'cookie.secure',
    `Invalid cookie.secure ${describe(value)}: expected true or ` +
      'false; using the default.',
  )
  return undefined
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  try {
    return String(value)
  } catch {
    // Objects without a prototype have no toString.
    return typeof value
  }
}
