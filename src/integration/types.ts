import type { JSONObject, SegmentEvent } from '../message/types'

/** analytics-next's plugin kinds, with the same meaning. */
export type PluginType =
  'before' | 'enrichment' | 'destination' | 'after' | 'utility'

/** A destination's load state, readable and emitted as `destination_status`. */
export type DestinationStatus = 'loading' | 'ready' | 'failed' | 'timed-out'

/** The context a plugin method receives; `event` is the message. */
export interface PluginContext {
  readonly id: string
  event: SegmentEvent
  /** Sets a dotted path of the event (`properties.plan`), creating objects on the way. */
  updateEvent(path: string, value: unknown): PluginContext
  log(
    level: 'debug' | 'info' | 'warn' | 'error',
    message: string,
    extras?: JSONObject,
  ): void
  stats: {
    increment(metric: string, by?: number, tags?: string[]): void
    gauge(metric: string, value: number, tags?: string[]): void
  }
  /** Options the call set for this destination in `integrations`, if an object. */
  destinationOptions?: JSONObject
}

export type PluginMethod = (ctx: PluginContext) => unknown

/**
 * An analytics-next plugin object, taken unchanged by `register`. A
 * destination plugin is routed by its `name` like a bundled destination.
 */
export interface Plugin {
  name: string
  type: PluginType
  version?: string
  alternativeNames?: string[]
  isLoaded(): boolean
  load(ctx: PluginContext, analytics: unknown, settings?: unknown): unknown
  unload?(ctx: PluginContext, analytics: unknown): unknown
  ready?(): unknown
  track?: PluginMethod
  page?: PluginMethod
  screen?: PluginMethod
  identify?: PluginMethod
  group?: PluginMethod
  alias?: PluginMethod
}

/** Settings of one destination as Segment's CDN settings carry them. */
export type DestinationSettings = JSONObject

/**
 * Makes a destination from its settings. Bundled destinations carry their
 * catalogue name and aliases so the script-tag entry can match settings.
 */
export interface IntegrationFactory<Options = DestinationSettings> {
  (options: Options): Plugin
  readonly integrationName: string
  readonly aliases: readonly string[]
}
