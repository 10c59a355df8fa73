import { logger } from './debug'
import type { CookieOptions, StorageSettings } from './identity/types'
import type { IntegrationsOptions } from './message/types'
import type { TrackingPlan } from './pipeline/plan'
import type { CDNSettings } from './settings/types'

/** `useQueryString`: false turns it off; patterns restrict accepted ids. */
export type QueryStringOption = boolean | { aid?: RegExp; uid?: RegExp }

/** Load options, with analytics-next's names and meaning. */
export interface LoadOptions {
  /** Destination name to false, true or options merged over its settings. */
  integrations?: IntegrationsOptions
  /** Settings host; default the snippet's `_cdn`, else the bundle's origin. */
  cdnURL?: string
  /** Settings to use instead of fetching them. */
  cdnSettings?: CDNSettings
  /** Sends a page call as soon as the library loads. Default false. */
  initialPageview?: boolean
  /** Turns the library off: nothing is stored or sent. */
  disable?:
    | boolean
    | ((settings: CDNSettings | undefined) => boolean | Promise<boolean>)
  /** Keeps identity in memory only. Default false. */
  disableClientPersistence?: boolean
  /** Storage priority for identity. Default cookie, localStorage, memory. */
  storage?: StorageSettings
  cookie?: CookieOptions
  /** Milliseconds `ready` waits for destinations. Default 10000. */
  readyTimeout?: number
  /** Reads `ajs_*` query parameters on load. Default true. */
  useQueryString?: QueryStringOption
  /** Tracking plan, merged over the one in settings. */
  plan?: TrackingPlan
  /** Content-Security-Policy nonce passed to every injected tag. */
  nonce?: string
  /**
   * Maps each vendor script, image or iframe URL before it is loaded, e.g.
   * to self-hosted copies: a function, or an object of URL prefix to
   * replacement prefix (the rest of the URL, query string included, is kept).
   */
  vendorScriptUrl?: ((url: string) => string) | Record<string, string>
}

export const DEFAULT_READY_TIMEOUT = 10_000
export const DEFAULT_CALLBACK_TIMEOUT = 300

type Check = (value: unknown) => boolean

const isObject: Check = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Expected type of each load option, with the wording used in errors. */
const LOAD_OPTION_CHECKS: Record<string, [Check, string]> = {
  integrations: [
    isObject,
    'an object of destination name to true, false or options',
  ],
  cdnURL: [(value) => typeof value === 'string', 'a URL string'],
  cdnSettings: [isObject, 'a settings object'],
  initialPageview: [(value) => typeof value === 'boolean', 'a boolean'],
  disable: [
    (value) => typeof value === 'boolean' || typeof value === 'function',
    'a boolean or a function',
  ],
  disableClientPersistence: [
    (value) => typeof value === 'boolean',
    'a boolean',
  ],
  storage: [
    isObject,
    "an object such as { stores: ['cookie', 'localStorage', 'memory'] }",
  ],
  cookie: [isObject, 'an object such as { maxage: 365 }'],
  readyTimeout: [
    (value) =>
      typeof value === 'number' && Number.isFinite(value) && value >= 0,
    'a number of milliseconds',
  ],
  useQueryString: [
    (value) => typeof value === 'boolean' || isObject(value),
    'a boolean or { aid, uid } regular expressions',
  ],
  plan: [isObject, 'a tracking plan object'],
  nonce: [(value) => typeof value === 'string', 'a string'],
  vendorScriptUrl: [
    (value) => typeof value === 'function' || isObject(value),
    'a function or an object of URL prefixes',
  ],
}

/**
 * Checks load options against their expected types. Returns the options
 * without the invalid ones, and reports each invalid one as misuse, naming
 * it, the value received and the expected type.
 */
export function checkLoadOptions(raw: unknown): LoadOptions {
  const report = (problem: string) =>
    logger.misuse(`load-option:${problem}`, problem)
  if (raw === undefined || raw === null) return {}
  if (!isObject(raw)) {
    report(
      `analytics.load: options must be an object, received ${typeof raw}; they were ignored.`,
    )
    return {}
  }

  const options: Record<string, unknown> = { ...raw }
  for (const [name, [check, expected]] of Object.entries(LOAD_OPTION_CHECKS)) {
    const value = options[name]
    if (value === undefined || check(value)) continue
    report(
      `analytics.load: option "${name}" must be ${expected}, received ${JSON.stringify(value) ?? String(value)}; it was ignored.`,
    )
    delete options[name]
  }
  return options
}
