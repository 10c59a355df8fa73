import type { Page, Track } from '@segment/facade'
import { DestinationError } from '../../src/errors'
import { readGlobal, writeGlobal } from '../../src/global-scope'
import { defineIntegration } from '../../src/integration/define'
import type { OptionsOf } from '../../src/integration/schema'
import type { UserEntity } from '../../src/identity/types'
import { googleTagManagerMigrations } from './migrations'

/** The data layer Google's snippet and every GTM container read by default. */
const DATA_LAYER = 'dataLayer'
const NAME = 'Google Tag Manager'
const GTM_SCRIPT = 'www.googletagmanager.com/gtm.js'

type DataLayer = { push(...messages: unknown[]): unknown }

// Only containerId carries its description here, because the error for a
// missing value quotes it. The others are in docs.ts, which no bundle
// contains.
const options = {
  containerId: {
    type: 'string',
    pattern: '^GTM-[A-Za-z0-9]+$',
    example: 'GTM-XXXXXXX',
    required: true,
    description: 'Container ID, e.g. GTM-XXXXXXX.',
  },
  environment: { type: 'string', default: '' },
  fullURLpath: { type: 'string', default: '' },
  trackNamedPages: { type: 'boolean', default: true },
  trackCategorizedPages: { type: 'boolean', default: true },
  trackAllPages: { type: 'boolean', default: false },
} as const

/** Options of the Google Tag Manager destination, as Segment names them. */
export type GoogleTagManagerOptions = OptionsOf<typeof options>

/**
 * Google Tag Manager: loads the container and pushes each track call, and
 * each named or categorized page call, onto `window.dataLayer` as one
 * message with its properties, `event`, and the stored user's `userId` and
 * `segmentAnonymousId`, as Segment's classic destination does.
 */
export default /*#__PURE__*/ defineIntegration({
  name: NAME,
  options,
  migrations: googleTagManagerMigrations,

  async load({ options: o, loadScript }) {
    const url = containerUrl(o.containerId, o.environment, o.fullURLpath)
    // Google's container snippet pushes this first: GTM times the
    // container from it and fires its "Container Loaded" trigger on it.
    dataLayer().push({ 'gtm.start': Date.now(), event: 'gtm.js' })
    await loadScript(url)
  },

  track(track, { user }) {
    dataLayer().push(dataLayerMessage(track, user()))
  },

  page(page, { options, user }) {
    const events = pageEvents(page, options)
    for (const event of events)
      dataLayer().push(dataLayerMessage(event, user()))
    if (events.length === 0)
      return 'not sent: no name or category, or its kind of page is off'
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
 * Builds one data layer message: the call's properties, then the user's ids,
 * then the event name, each later key overriding a property of the same
 * name. The ids are the stored user's at the time of the push, as Segment's
 * destination reads them, or the message's own without an Analytics
 * instance.
 */
function dataLayerMessage(
  track: Track,
  user: UserEntity | undefined,
): Record<string, unknown> {
  const message: Record<string, unknown> = { ...track.properties() }
  const userId = user ? user.id() : track.userId()
  const anonymousId = user ? user.anonymousId() : track.anonymousId()
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

/** Returns the track events a page call becomes, in Segment's order. */
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
 * Builds the container URL, with every value encoded. An environment is
 * either its `gtm_preview` value or the query string of its snippet, of
 * which only the `gtm_*` parameters are kept. A `fullURLpath` must be a host
 * and a path, optionally after `https://` or `//`, or this throws an error
 * that names the option.
 */
export function containerUrl(
  containerId: string,
  environment = '',
  fullURLpath = '',
): string {
  const path = fullURLpath.trim().replace(/^(https:)?\/\//i, '') || GTM_SCRIPT
  if (!/^[a-z\d.-]+(:\d+)?(\/[^\s?#\\]*)?$/i.test(path)) {
    throw new DestinationError(
      NAME,
      `option "fullURLpath" must be a string of a host and path such as "gtm.example.com/gtm.js", received ${JSON.stringify(fullURLpath)}.`,
    )
  }
  const url = new URL(`https://${path}`)
  const query = url.searchParams
  query.set('id', containerId)
  query.set('l', DATA_LAYER)
  const trimmed = environment.trim().replace(/^[?&]+/, '')
  if (trimmed.includes('=')) {
    for (const [key, value] of new URLSearchParams(trimmed)) {
      if (key.startsWith('gtm_')) query.set(key, value)
    }
  } else if (trimmed) {
    query.set('gtm_preview', trimmed)
  }
  return url.href
}
