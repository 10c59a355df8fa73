import { DestinationError } from '../../src/errors'
import { readGlobal, writeGlobal } from '../../src/global-scope'
import {
  defineIntegration,
  type CallContext,
} from '../../src/integration/define'
import type { OptionsOf } from '../../src/integration/schema'
import { customEvents, userProperties } from './custom-events'
import { compact, recommendedEvent } from './ecommerce'

const NAME = 'Google Analytics 4'
/**
 * GA4's own data layer, as Segment's destination names it, so its commands
 * never mix with Google Tag Manager's or Google Ads' `dataLayer`.
 */
const DATA_LAYER = 'ga4DataLayer'

// Only measurementIds carries its description here, because the error for
// a missing value quotes it. The others are in docs.ts, so the bundle does
// not carry them.
const options = {
  measurementIds: {
    type: 'array',
    pattern: '^\\s*G-[A-Za-z0-9]+\\s*$',
    example: 'G-XXXXXXXXXX',
    required: true,
    description:
      'Measurement IDs (G-XXXXXXX) of the web streams; gtag.js loads with the first, and each is configured alike.',
  },
  cookieDomainName: { type: 'string', default: 'auto' },
  cookiePrefix: { type: 'string', default: '_ga' },
  cookieExpiration: { type: 'number', default: 63072000 },
  cookieUpdate: { type: 'boolean', default: true },
  cookieFlags: { type: 'string', default: '' },
  sendAutomaticPageViewEvent: { type: 'boolean', default: false },
  allowAllAdvertisingFeatures: { type: 'boolean', default: false },
  allowAdvertisingPersonalization: { type: 'boolean', default: false },
  disableGoogleAnalytics: { type: 'boolean', default: false },
  googleReportingIdentity: { type: 'string', default: 'device' },
  userProperties: { type: 'mapping', default: {} },
  customEventsAndParameters: { type: 'array', default: [] },
} as const
/** Options of the Google Analytics 4 destination, as Segment names them. */
export type GoogleAnalytics4Options = OptionsOf<typeof options>

type Gtag = (...command: unknown[]) => void
type Call = CallContext<GoogleAnalytics4Options>

/**
 * Google Analytics 4 through gtag.js: page calls become `page_view`,
 * Segment's e-commerce and sign-up events become GA4's recommended events,
 * other track calls the events `customEventsAndParameters` maps them to,
 * identify sets user properties, group sends `join_group`.
 */
export default /*#__PURE__*/ defineIntegration({
  name: NAME,
  options,

  async load({ options: o, state, loadScript }) {
    if (o.disableGoogleAnalytics) return
    const ids = o.measurementIds.map(
      (id) => typeof id === 'string' && id.trim(),
    )
    if (!ids[0] || !ids.every(Boolean)) {
      throw new DestinationError(
        NAME,
        `option "measurementIds" must be an array of measurement IDs such as "G-XXXXXXX", received ${JSON.stringify(o.measurementIds)}.`,
      )
    }
    // The destination's own gtag function pushes the `arguments` objects
    // that gtag.js reads as commands. It leaves `window.gtag`, which pushes
    // to `dataLayer`, to the page and to Google Ads.
    const layer = readGlobal<unknown[]>(DATA_LAYER) || []
    writeGlobal(DATA_LAYER, layer)
    const gtag: Gtag = function () {
      // eslint-disable-next-line prefer-rest-params
      layer.push(arguments)
    }
    state.gtag = gtag
    state.userId = null

    gtag('js', new Date())
    // Settings apply to the hits sent after them, and `config` may send a
    // page_view at once, so they come first.
    if (o.cookieFlags) gtag('set', { cookie_flags: o.cookieFlags })
    gtag('set', 'allow_google_signals', o.allowAllAdvertisingFeatures)
    gtag(
      'set',
      'allow_ad_personalization_signals',
      o.allowAdvertisingPersonalization,
    )
    for (const id of ids) {
      gtag('config', id, {
        send_page_view: o.sendAutomaticPageViewEvent,
        cookie_update: o.cookieUpdate,
        cookie_domain: o.cookieDomainName,
        cookie_prefix: o.cookiePrefix,
        cookie_expires: o.cookieExpiration,
      })
    }
    await loadScript(
      `https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(ids[0])}&l=${DATA_LAYER}`,
    )
  },

  identify: (identify, call) =>
    send(call, (gtag) => {
      const properties = userProperties(call.options.userProperties, identify)
      if (Object.keys(properties).length > 0)
        gtag('set', 'user_properties', properties)
    }),

  group: (group, call) =>
    send(call, (gtag) =>
      gtag('event', 'join_group', compact({ group_id: group.groupId() })),
    ),

  page: (page, call) =>
    send(call, (gtag) => {
      if (call.options.sendAutomaticPageViewEvent)
        return 'not sent: gtag.js sends page_view itself'
      const { url, referrer, title } = page.properties()
      gtag(
        'event',
        'page_view',
        compact({
          page_location: url,
          page_referrer: referrer || undefined,
          page_title: page.fullName() || title,
        }),
      )
    }),

  track: (track, call) =>
    send(call, (gtag) => {
      const mapped = customEvents(call.options.customEventsAndParameters, track)
      // A mapped event is sent as mapped only, even a spec event.
      const events = mapped.length
        ? mapped
        : [recommendedEvent(track.event(), track.properties())]
      for (const event of events)
        if (event) gtag('event', event.name, event.params)
      if (!events[0]) return 'not sent: not a spec event, and not mapped'
    }),
})

/**
 * Runs a call with this destination's gtag. With a User-ID reporting
 * identity it first sets `user_id` whenever the call's user id differs from
 * the last one set, so a returning user counts without a new identify and a
 * reset clears it.
 */
function send(call: Call, run: (gtag: Gtag) => unknown): unknown {
  const { state, options, message } = call
  const gtag = state.gtag as Gtag | undefined
  if (!gtag) return 'not sent: disableGoogleAnalytics is on'
  const userId = message.userId || null
  if (
    /^userId(Signals)?AndDevice$/.test(options.googleReportingIdentity!) &&
    userId !== state.userId
  ) {
    state.userId = userId
    gtag('set', { user_id: userId })
  }
  return run(gtag)
}
