import { getNavigator } from '../global-scope'
import { LIBRARY_NAME, LIBRARY_VERSION } from '../version'
import { parseCampaign, parseQuery } from './campaign'
import { toPageContext, type BufferedPageContext } from './page-context'
import type { MessageContext } from './types'

/** Ad-network click ids that analytics.js reports as `context.referrer`. */
const REFERRER_PARAMS: Record<string, string> = {
  btid: 'dataxu',
  urid: 'millennial-media',
}

let timezone: string | undefined

function readTimezone(): string | undefined {
  timezone ??= resolveTimezone(globalThis as { Temporal?: unknown })
  return timezone || undefined
}

/**
 * Returns the IANA time zone, or '' when the browser cannot tell. Temporal
 * answers at once where the browser has it. The first
 * `Intl.DateTimeFormat` of a page loads the date formatting data, which
 * blocks the main thread for 20 to 140 ms in Chromium, so it is only the
 * fallback.
 */
export function resolveTimezone(scope: { Temporal?: unknown }): string {
  try {
    const temporal = scope.Temporal as TemporalGlobal | undefined
    return (
      temporal?.Now?.timeZoneId?.() ??
      Intl.DateTimeFormat().resolvedOptions().timeZone
    )
  } catch {
    return ''
  }
}

interface TemporalGlobal {
  Now?: { timeZoneId?: () => string }
}

/** Builds the context every message starts from, for the given page. */
export function buildContext(page: BufferedPageContext): MessageContext {
  const nav = getNavigator()
  const context: MessageContext = {
    library: { name: LIBRARY_NAME, version: LIBRARY_VERSION },
  }
  if (page.u) context.page = toPageContext(page)
  if (nav?.userAgent) context.userAgent = nav.userAgent
  if (nav?.language) context.locale = nav.language
  const zone = readTimezone()
  if (zone) context.timezone = zone

  const { campaign, referrer } = readSearch(page.s)
  if (campaign) context.campaign = { ...campaign }
  if (referrer) context.referrer = { ...referrer }
  return context
}

/**
 * The query string's campaign and referrer, parsed once per query string:
 * a page makes many calls on one URL. Callers copy them, so no message
 * shares an object with another.
 */
interface ParsedSearch {
  search: string
  campaign?: MessageContext['campaign']
  referrer?: MessageContext['referrer']
}

let lastSearch: ParsedSearch = { search: '' }

function readSearch(search: string): ParsedSearch {
  if (search !== lastSearch.search) {
    lastSearch = {
      search,
      campaign: parseCampaign(search),
      referrer: parseReferrer(search),
    }
  }
  return lastSearch
}

function parseReferrer(search: string): MessageContext['referrer'] {
  for (const [key, value] of parseQuery(search)) {
    const type = REFERRER_PARAMS[key]
    if (type && value) return { type, id: value }
  }
  return undefined
}
