import { setOwn } from './merge'
import type { MessageContext } from './types'

/** The parts of `context` that a query string gives. */
export interface SearchContext {
  campaign?: MessageContext['campaign']
  referrer?: MessageContext['referrer']
}

/** Ad-network click ids that analytics.js reports as `context.referrer`. */
const REFERRER_TYPES = new Map([
  ['btid', 'dataxu'],
  ['urid', 'millennial-media'],
])

/**
 * Reads `utm_*` parameters into `campaign`: `utm_campaign` becomes `name`,
 * the others keep their suffix (`utm_source` → `source`). The first ad-network
 * click id that analytics.js reports (`btid` from dataxu, `urid` from
 * millennial-media) becomes `referrer`.
 */
export function parseSearch(search: string): SearchContext {
  const parsed: SearchContext = {}
  for (const [key, value] of parseQuery(search)) {
    const type = REFERRER_TYPES.get(key)
    if (type && value) parsed.referrer ??= { type, id: value }
    if (key.startsWith('utm_') && key.length > 4) {
      const field = key === 'utm_campaign' ? 'name' : key.slice(4)
      parsed.campaign ??= {}
      // setOwn keeps `utm___proto__` a field instead of a prototype change.
      setOwn(parsed.campaign, field, value)
    }
  }
  return parsed
}

/** Splits a query string into decoded pairs; malformed escapes stay raw. */
export function parseQuery(search: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue
    let equals = part.indexOf('=')
    if (equals < 0) equals = part.length
    pairs.push([decode(part.slice(0, equals)), decode(part.slice(equals + 1))])
  }
  return pairs
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}
