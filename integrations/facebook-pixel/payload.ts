import { normalizeEventName } from '../../src/integration/mappings'
import { sha256 } from './sha256'

/** The list options the payload builder reads, as validation fills them. */
export interface PayloadOptions {
  whitelistPiiProperties: unknown[]
  blacklistPiiProperties: unknown[]
  standardEventsCustomProperties: unknown[]
}

/** Property names the pixel treats as personal data; dropped unless allowed. */
const PII = [
  'email',
  'firstName',
  'lastName',
  'gender',
  'city',
  'country',
  'phone',
  'state',
  'zip',
  'birthday',
]

/**
 * Dynamic Ads for Travel dates, which the pixel wants as `YYYY-MM-DD`, by
 * name with case and separators removed (`checkin_date` is `checkinDate`).
 */
const TRAVEL_DATE =
  /^(checkin|checkout|(departing|returning)(arrival|departure))date$|^travel(start|end)$/

/**
 * Builds the properties a pixel event may carry. Personal data is dropped
 * unless whitelisted. A blacklisted name is dropped, or its string value
 * hashed when its `hashProperty` is true. For the e-commerce standard events
 * (`standard`), only `standardEventsCustomProperties` are kept. The facade
 * has already turned ISO date strings into Dates, and travel dates become
 * `YYYY-MM-DD`.
 */
export function buildPayload(
  properties: Record<string, unknown>,
  options: PayloadOptions,
  standard: boolean,
): Record<string, unknown> {
  const hashed = new Map<unknown, unknown>()
  for (const entry of options.blacklistPiiProperties) {
    // Object() reads a null or primitive entry as one without fields.
    const rule = Object(entry) as {
      propertyName?: unknown
      hashProperty?: unknown
    }
    hashed.set(rule.propertyName, rule.hashProperty)
  }

  const payload: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(properties)) {
    if (standard && !options.standardEventsCustomProperties.includes(name))
      continue
    if (value instanceof Date && TRAVEL_DATE.test(normalizeEventName(name))) {
      payload[name] = value.toISOString().split('T')[0]
    } else if (hashed.has(name)) {
      if (hashed.get(name) && typeof value === 'string')
        payload[name] = sha256(value)
    } else if (
      !PII.includes(name) ||
      options.whitelistPiiProperties.includes(name)
    ) {
      payload[name] = value
    }
  }
  return payload
}

/** Formats money as the pixel wants it: a two-decimal string, `'0.00'` when absent. */
export function formatValue(amount: unknown): string {
  return Number(amount || 0).toFixed(2)
}
