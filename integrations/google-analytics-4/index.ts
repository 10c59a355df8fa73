import { DestinationError } from '../../src/errors'
import { readGlobal, writeGlobal } from '../../src/global-scope'
import {
  defineIntegration,
  type CallContext,
} from '../../src/integration/define'
import { customEvents, userProperties } from './custom-events'
import { compact, recommendedEvent } from './ecommerce'

const NAME = 'Google Analytics 4'
const GTAG_SCRIPT = 'https://www.googletagmanager.com/gtag/js'
/**
 * GA4's own data layer, as Segment's classic destination names it, so its
 * commands never mix with Google Tag Manager's or Google Ads' `dataLayer`.
 */
const DATA_LAYER = 'ga4DataLayer'
/** Reporting identities that count users by User-ID first. */
const USER_ID_IDENTITIES = ['userIdAndDevice', 'userIdSignalsAndDevice']

export type Gtag = (...command: unknown[]) => void

const options = {
  measurementIds: {
    type: 'array',
    required: true,
    description:
      'Measurement IDs (G-XXXXXXX) of the web streams; gtag.js loads with the first, and each is configured alike.',
  },
  cookieDomainName: {
    type: 'string',
    default: 'auto',
    description: 'Domain of the _ga cookies (`cookie_domain`). Default auto.',
  },
  cookiePrefix: {
    type: 'string',
    default: '_ga',
    description: 'Prefix of the cookie names (`cookie_prefix`). Default _ga.',
  },
  cookieExpiration: {
    type: 'number',
    default: 63072000,
    description:
      'Cookie lifetime in seconds (`cookie_expires`). Default two years.',
  },
  cookieUpdate: {
    type: 'boolean',
    default: true,
    description:
      'Renew the cookie expiry on each page load (`cookie_update`). Default true.',
  },
  cookieFlags: {
    type: 'string',
    default: '',
    description:
      'Extra cookie attributes, e.g. `SameSite=None;Secure` (`cookie_flags`). Default none.',
  },
  sendAutomaticPageViewEvent: {
    type: 'boolean',
    default: false,
    description:
      'Let gtag.js send its own page_view on load (`send_page_view`); page calls then send none. Default false.',
  },
  allowAllAdvertisingFeatures: {
    type: 'boolean',
    default: false,
    description: 'Google signals (`allow_google_signals`). Default false.',
  },
  allowAdvertisingPersonalization: {
    type: 'boolean',
    default: false,
    description:
      'Ad personalization (`allow_ad_personalization_signals`). Default false.',
  },
  disableGoogleAnalytics: {
    type: 'boolean',
    default: false,
    description: 'Load nothing and send nothing. Default false.',
  },
  googleReportingIdentity: {
    type: 'string',
    default: 'device',
    description:
      "The property's reporting identity: `userIdAndDevice` or `userIdSignalsAndDevice` send the user id as `user_id`. Default device.",
  },
  userProperties: {
    type: 'mapping',
    default: {},
    description:
      'Identify fields to GA4 user properties, e.g. `{ "traits.plan": "plan" }`.',
  },
  customEventsAndParameters: {
    type: 'array',
    default: [],
    description:
      'Track events to GA4 events: `[{ segmentEvent, googleEvent, parameters: [{ key: "properties.title", value: "title" }] }]`. A mapped event is sent as mapped, instead of its recommended event.',
  },
} as const

type Call = CallContext<{
  googleReportingIdentity?: string
  sendAutomaticPageViewEvent?: boolean
}>

/**
 * Google Analytics 4 through gtag.js: page calls become `page_view`,
 * Segment's e-commerce and sign-up events become GA4's recommended events,
 * other track calls the events `customEventsAndParameters` maps them to,
 * identify sets user properties, group sends `join_group`.
 */
export default defineIntegration({
  name: NAME,
  options,

  async load({ options, state, loadScript, log }) {
    if (options.disableGoogleAnalytics) {
      state.disabled = true
      log.debug('disableGoogleAnalytics is on: gtag.js is not loaded.')
      return
    }
    const ids = measurementIds(options.measurementIds)
    const gtag = installGtag()
    state.gtag = gtag

    gtag('js', new Date())
    // Settings apply to the hits sent after them, and `config` may send a
    // page_view at once, so they come first.
    gtag('set', 'allow_google_signals', options.allowAllAdvertisingFeatures)
    gtag(
      'set',
      'allow_ad_personalization_signals',
      options.allowAdvertisingPersonalization,
    )
    const config = compact({
      send_page_view: options.sendAutomaticPageViewEvent,
      cookie_update: options.cookieUpdate,
      cookie_domain: options.cookieDomainName,
      cookie_prefix: options.cookiePrefix,
      cookie_expires: options.cookieExpiration,
      cookie_flags: options.cookieFlags || undefined,
    })
    for (const id of ids) gtag('config', id, config)

    const query = new URLSearchParams({ id: ids[0]!, l: DATA_LAYER })
    await loadScript(`${GTAG_SCRIPT}?${query.toString()}`)
  },

  identify(identify, call) {
    const gtag = sender(call)
    if (!gtag) return
    syncUserId(gtag, call)
    const properties = userProperties(call.options.userProperties, identify)
    if (Object.keys(properties).length > 0)
      gtag('set', 'user_properties', properties)
  },

  group(group, call) {
    const gtag = sender(call)
    if (!gtag) return
    syncUserId(gtag, call)
    gtag('event', 'join_group', compact({ group_id: group.groupId() }))
  },

  page(page, call) {
    const gtag = sender(call)
    if (!gtag) return
    syncUserId(gtag, call)
    if (call.options.sendAutomaticPageViewEvent) {
      call.log.debug(
        'Page call not sent: sendAutomaticPageViewEvent is on, so gtag.js sends page_view itself.',
      )
      return
    }
    const properties = page.properties()
    gtag(
      'event',
      'page_view',
      compact({
        page_location: properties.url,
        page_referrer: page.referrer() || undefined,
        page_title: page.fullName() || properties.title,
      }),
    )
  },

  track(track, call) {
    const gtag = sender(call)
    if (!gtag) return
    syncUserId(gtag, call)
    const mapped = customEvents(call.options.customEventsAndParameters, track)
    for (const event of mapped) gtag('event', event.name, event.params)
    if (mapped.length > 0) return

    const recommended = recommendedEvent(track.event(), track.properties())
    if (recommended) {
      gtag('event', recommended.name, recommended.params)
      return
    }
    call.log.debug(
      `"${track.event()}" not sent: it is no Segment spec event and customEventsAndParameters does not map it.`,
    )
  },
})

/** The configured IDs; none, or one that is not a string, is an error. */
function measurementIds(value: unknown[]): string[] {
  const ids = value.filter(
    (id): id is string => typeof id === 'string' && id.trim() !== '',
  )
  if (ids.length === 0 || ids.length !== value.length) {
    throw new DestinationError(
      NAME,
      `option "measurementIds" must list one or more measurement IDs such as "G-XXXXXXX", received ${JSON.stringify(value)}.`,
    )
  }
  return ids.map((id) => id.trim())
}

/**
 * Creates the data layer and this destination's own gtag function, which
 * pushes the `arguments` objects gtag.js reads as commands. It leaves
 * `window.gtag` alone: that one pushes to `dataLayer`, which belongs to the
 * page's own tags and to Google Ads, and GA4's commands stay out of it.
 */
function installGtag(): Gtag {
  const layer = readGlobal<unknown[]>(DATA_LAYER) ?? []
  writeGlobal(DATA_LAYER, layer)
  return function gtag() {
    // eslint-disable-next-line prefer-rest-params
    layer.push(arguments)
  }
}

/** The gtag function for a call, or undefined when GA4 is turned off. */
function sender(call: Call): Gtag | undefined {
  if (call.state.disabled) {
    call.log.debug('Not sent: disableGoogleAnalytics is on.')
    return undefined
  }
  return call.state.gtag as Gtag
}

/**
 * Keeps GA4's `user_id` equal to the call's user id when the reporting
 * identity uses User-ID, so a returning user is counted as such without a
 * new identify call, and a reset clears it.
 */
function syncUserId(gtag: Gtag, call: Call): void {
  if (!USER_ID_IDENTITIES.includes(call.options.googleReportingIdentity ?? ''))
    return
  const userId = call.message.userId ?? null
  const current = (call.state.userId as string | null | undefined) ?? null
  if (userId === current) return
  call.state.userId = userId
  gtag('set', { user_id: userId })
}
