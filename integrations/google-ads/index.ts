import { defineIntegration } from '../../src/integration/define'
import type { OptionsOf } from '../../src/integration/schema'
import type { JSONObject } from '../../src/message/types'
import { conversionsFor, sendTo } from './conversions'
import { gtag, gtagLoaded, installGtag } from './gtag'
import { clickParameters, pageParameters } from './parameters'

const NAME = 'Google AdWords New'

// Only accountId carries its description here, because the error for a
// missing value quotes it. The others are in docs.ts, which no bundle
// contains.
const options = {
  accountId: {
    type: 'string',
    pattern: '^AW-[0-9]+$',
    example: 'AW-123456789',
    required: true,
    description:
      'Google Ads account ID (`AW-…`): the gtag.js tag ID and the default account of every conversion.',
  },
  sendPageView: { type: 'boolean', default: true },
  conversionLinker: { type: 'boolean', default: true },
  clickConversions: {
    type: 'mapping',
    fieldPatterns: {
      accountId: '^AW-[0-9]+$',
      id: '^[A-Za-z0-9_-]+$',
    },
    default: [],
  },
  pageLoadConversions: {
    type: 'mapping',
    fieldPatterns: {
      accountId: '^AW-[0-9]+$',
      id: '^[A-Za-z0-9_-]+$',
    },
    default: [],
  },
  defaultPageConversion: { type: 'string', default: '' },
  disableAdPersonalization: { type: 'boolean', default: false },
  floodlightAccountId: {
    type: 'string',
    pattern: '^DC-[0-9]+$',
    example: 'DC-1234567',
    default: '',
  },
} as const

/** Options of the Google Ads (gtag.js) destination, as Segment names them. */
export type GoogleAdsOptions = OptionsOf<typeof options>

export default /*#__PURE__*/ defineIntegration({
  name: NAME,
  aliases: ['Google Ads (Gtag)'],
  options,

  async load({ options: o, loadScript }) {
    installGtag()
    gtag('js', new Date())
    // Google wants the personalization signal set before any config.
    if (o.disableAdPersonalization) {
      gtag('set', 'allow_ad_personalization_signals', false)
    }
    const config: Record<string, boolean> = {}
    if (o.sendPageView === false) config.send_page_view = false
    if (o.conversionLinker === false) config.conversion_linker = false
    if (o.floodlightAccountId) gtag('config', o.floodlightAccountId, config)
    gtag('config', o.accountId, { ...config })
    await loadScript(
      `https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(o.accountId)}`,
    )
  },

  isLoaded: gtagLoaded,

  page(page, { options: o, callOptions, log }) {
    // Classic analytics.js also read these options from a top-level key of
    // the call's options. That key lands in the context, where the facade
    // finds it.
    const extras = callOptions ?? (page.options(NAME) as JSONObject)
    // A named page sends only the conversions mapped to its name, because
    // the default conversion is for unnamed pages.
    const raw = page.name()
    const name = typeof raw === 'string' ? raw : ''
    const conversions = name
      ? conversionsFor(o.pageLoadConversions, name)
      : o.defaultPageConversion
        ? [{ id: o.defaultPageConversion }]
        : []
    if (conversions.length === 0) log.debug('no page load conversion mapped')
    for (const conversion of conversions) {
      const target = sendTo(conversion, o.accountId)
      gtag('event', name || 'conversion', pageParameters(page, target, extras))
    }
  },

  track(track, { options: o, log }) {
    const event = track.event()
    const conversions = conversionsFor(o.clickConversions, event)
    if (conversions.length === 0) log.debug(`no click conversion for ${event}`)
    for (const conversion of conversions) {
      const target = sendTo(conversion, o.accountId)
      gtag('event', event, clickParameters(track, target))
    }
  },
})
