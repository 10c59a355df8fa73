import type { Page, Track } from '@segment/facade'
import { readGlobal, writeGlobal } from '../../src/global-scope'
import { defineIntegration } from '../../src/integration/define'

/** The data layer Google's snippet and every GTM container read by default. */
const DATA_LAYER = 'dataLayer'
const GTM_SCRIPT = 'https://www.googletagmanager.com/gtm.js'

type DataLayer = { push(...messages: unknown[]): unknown }

/**
 * Google Tag Manager: loads the container and pushes each track call, and
 * each named or categorized page call, onto `window.dataLayer` as one
 * message with its properties, `event`, `userId` and `segmentAnonymousId`,
 * as Segment's classic destination does.
 */
export default defineIntegration({
  name: 'Google Tag Manager',
  options: {
    containerId: {
      type: 'string',
      required: true,
      description: 'Container ID, e.g. GTM-XXXXXXX.',
    },
    environment: {
      type: 'string',
      default: '',
      description:
        'Environment to load: its `gtm_preview` value (env-2), or the query ' +
        'string of its snippet (gtm_auth=...&gtm_preview=env-2&gtm_cookies_win=x). ' +
        'Default none: the live container.',
    },
    trackNamedPages: {
      type: 'boolean',
      default: true,
      description:
        'Push `Viewed <Name> Page` for page calls with a name. Default true.',
    },
    trackCategorizedPages: {
      type: 'boolean',
      default: true,
      description:
        'Push `Viewed <Category> Page` for page calls with a category. Default true.',
    },
    trackAllPages: {
      type: 'boolean',
      default: false,
      description: 'Push `Loaded a Page` for every page call. Default false.',
    },
  },

  async load({ options, loadScript }) {
    // Google's container snippet pushes this first: GTM times the
    // container from it and fires its "Container Loaded" trigger on it.
    dataLayer().push({ 'gtm.start': Date.now(), event: 'gtm.js' })
    await loadScript(containerUrl(options.containerId, options.environment))
  },

  track(track) {
    dataLayer().push(dataLayerMessage(track))
  },

  page(page, { options, log }) {
    const events = pageEvents(page, options)
    if (events.length === 0) {
      log.debug(
        'Page call not pushed: it has no name or category, or tracking of its kind is off.',
      )
    }
    for (const event of events) dataLayer().push(dataLayerMessage(event))
  },
})

/** Returns `window.dataLayer`, creating it as Google's snippet does. */
function dataLayer(): DataLayer {
  let layer = readGlobal<DataLayer>(DATA_LAYER)
  if (!layer || typeof layer.push !== 'function') {
    layer = []
    writeGlobal(DATA_LAYER, layer)
  }
  return layer
}

/**
 * One data layer message: the call's properties, then the ids of the user
 * the call was made for, then the event name, each later key overriding a
 * property of the same name.
 */
function dataLayerMessage(track: Track): Record<string, unknown> {
  const message: Record<string, unknown> = { ...track.properties() }
  const userId = track.userId()
  const anonymousId = track.anonymousId()
  if (userId) message.userId = userId
  if (anonymousId) message.segmentAnonymousId = anonymousId
  message.event = track.event()
  return message
}

interface PageOptions {
  trackAllPages?: boolean
  trackCategorizedPages?: boolean
  trackNamedPages?: boolean
}

/** The track events a page call becomes, in Segment's order. */
function pageEvents(page: Page, options: PageOptions): Track[] {
  const events: Track[] = []
  const category = page.category()
  const name: unknown = page.fullName()
  if (options.trackAllPages) events.push(page.track())
  if (typeof category === 'string' && category && options.trackCategorizedPages)
    events.push(page.track(category))
  if (typeof name === 'string' && name && options.trackNamedPages)
    events.push(page.track(name))
  return events
}

/**
 * The container URL. An environment is either its `gtm_preview` value or
 * the query string Google's environment snippet carries; only `gtm_*`
 * parameters of the latter are kept, and every value is encoded.
 */
export function containerUrl(containerId: string, environment = ''): string {
  const query = new URLSearchParams({ id: containerId, l: DATA_LAYER })
  const trimmed = environment.trim().replace(/^[?&]+/, '')
  if (trimmed.includes('=')) {
    for (const [key, value] of new URLSearchParams(trimmed)) {
      if (key.startsWith('gtm_')) query.set(key, value)
    }
  } else if (trimmed) {
    query.set('gtm_preview', trimmed)
  }
  return `${GTM_SCRIPT}?${query.toString()}`
}
