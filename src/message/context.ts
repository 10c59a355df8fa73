import { getNavigator } from '../global-scope'
import { LIBRARY_NAME, LIBRARY_VERSION } from '../version'
import { parseSearch, type SearchContext } from './campaign'
import { toPageContext, type BufferedPageContext } from './page-context'
import type { MessageContext } from './types'

/** The time zone, read once per page; '' when unknown. */
let timezone: string | undefined

/**
 * Returns the IANA time zone, or '' when the browser cannot tell. Temporal
 * returns it at once where the browser has it. The first
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
  timezone ??= resolveTimezone(globalThis as { Temporal?: unknown })
  if (timezone) context.timezone = timezone

  // The query string is parsed once per URL, since a page makes many calls
  // on one URL. Each message gets its own copies.
  if (page.s !== lastSearch) {
    lastSearch = page.s
    lastParsed = parseSearch(page.s)
  }
  const { campaign, referrer } = lastParsed
  if (campaign) context.campaign = { ...campaign }
  if (referrer) context.referrer = { ...referrer }
  return context
}

let lastSearch = ''
let lastParsed: SearchContext = {}
