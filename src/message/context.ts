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
  if (timezone === undefined) {
    try {
      timezone = Intl.DateTimeFormat().resolvedOptions().timeZone
    } catch {
      timezone = ''
    }
  }
  return timezone || undefined
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

  const campaign = parseCampaign(page.s)
  if (campaign) context.campaign = campaign

  const referrer = parseReferrer(page.s)
  if (referrer) context.referrer = referrer
  return context
}

function parseReferrer(search: string): MessageContext['referrer'] {
  for (const [key, value] of parseQuery(search)) {
    const type = REFERRER_PARAMS[key]
    if (type && value) return { type, id: value }
  }
  return undefined
}
