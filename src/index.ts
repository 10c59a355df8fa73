import { Analytics } from './analytics'
import type { Plugin } from './integration/types'
import type { LoadOptions } from './options'
import type { CDNSettings } from './settings/types'

export interface BrowserSettings {
  writeKey: string
  /** Settings to use instead of fetching them. */
  cdnSettings?: CDNSettings
  /** Settings host. Default `https://cdn.segment.com`. */
  cdnURL?: string
  /** Plugins and imported destinations, e.g. `facebookPixel({ pixelId })`. */
  plugins?: Plugin[]
}

/** The npm entry, shaped like analytics-next's `AnalyticsBrowser`. */
export const AnalyticsBrowser = {
  /**
   * Creates an instance, starts loading it and returns it at once; calls
   * made before it is ready are kept and sent in order.
   */
  load(settings: BrowserSettings, options: LoadOptions = {}): Analytics {
    const analytics = new Analytics()
    const loadOptions: LoadOptions = { ...options }
    if (settings.cdnSettings !== undefined)
      loadOptions.cdnSettings = settings.cdnSettings
    if (settings.cdnURL !== undefined) loadOptions.cdnURL = settings.cdnURL
    analytics.load(settings.writeKey, loadOptions)
    if (settings.plugins?.length) void analytics.register(...settings.plugins)
    return analytics
  },
}

export { Analytics }
export type { AnalyticsEvents, DropNotice } from './events'
export { defineIntegration } from './integration/define'
export type {
  CallContext,
  CommonOptions,
  IntegrationContext,
  IntegrationSpec,
} from './integration/define'
export type { OptionSchema, OptionSpec, OptionsOf } from './integration/schema'
export type {
  DestinationStatus,
  IntegrationFactory,
  Plugin,
  PluginContext,
  PluginType,
} from './integration/types'
export { readGlobal, writeGlobal } from './global-scope'
export type { LoadOptions } from './options'
export type { CDNSettings } from './settings/types'
export type {
  SegmentEvent,
  CallOptions,
  IntegrationsOptions,
} from './message/types'
export type {
  SourceMiddleware,
  DestinationMiddleware,
} from './pipeline/middleware'
export {
  InvalidArgumentError,
  InvalidSettingsError,
  DestinationError,
} from './errors'
export type { DropReason } from './errors'
