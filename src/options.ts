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
