import type {
  Alias,
  Group,
  Identify,
  Page,
  Screen,
  Track,
} from '@segment/facade'
import { createLogger, type Logger } from '../debug'
import { DestinationError } from '../errors'
import type { UserEntity } from '../identity/types'
import type { JSONObject, SegmentEvent } from '../message/types'
import { facadeOf } from './facade'
import { loadIframe, loadImage, loadScript, type LoadOptions } from './loader'
import {
  migrateOptions,
  replacementHint,
  type OptionMigration,
} from './migrations'
import { validateOptions, type OptionSchema, type OptionsOf } from './schema'
import type { IntegrationFactory, Plugin, PluginContext } from './types'

/** The context a destination's `load` receives, one object per destination instance. */
export interface IntegrationContext<Options> {
  options: Options
  /** Per-instance scratch space for vendor handles and flags. */
  state: Record<string, unknown>
  log: Logger
  loadScript(
    url: string,
    attributes?: Record<string, string>,
  ): Promise<HTMLScriptElement>
  loadImage(url: string): Promise<HTMLImageElement>
  loadIframe(url: string): Promise<HTMLIFrameElement>
  /**
   * The stored user, as the instance that loaded this destination keeps it.
   * Undefined for a destination that runs without an Analytics instance.
   */
  user(): UserEntity | undefined
}

/** The context a destination's call methods receive besides the facade. */
export interface CallContext<Options> extends IntegrationContext<Options> {
  message: SegmentEvent
  /** Options this call set for the destination in `integrations`, if an object. */
  callOptions?: JSONObject
}

/**
 * A destination's handler for one call type. It may return (or resolve to) a
 * string, which the debug record shows as the outcome, e.g.
 * `'not sent: event not mapped'`; anything else reads as `sent`.
 */
type Method<F, Options> = (facade: F, call: CallContext<Options>) => unknown

export interface IntegrationSpec<S extends OptionSchema> {
  /** Segment's catalogue name, e.g. `Facebook Pixel`. */
  name: string
  aliases?: string[]
  version?: string
  options: S
  /**
   * Option changes the destination made, oldest first. Load applies them to
   * the settings before validation and logs each change in debug mode.
   */
  migrations?: readonly OptionMigration[]
  /**
   * Catalogue name of the destination that replaces this one. Load moves
   * nothing, but logs in debug mode how to move the settings.
   */
  replacedBy?: string
  load(context: IntegrationContext<OptionsOf<S>>): unknown
  isLoaded?(context: IntegrationContext<OptionsOf<S>>): boolean
  track?: Method<Track, OptionsOf<S>>
  page?: Method<Page, OptionsOf<S>>
  screen?: Method<Screen, OptionsOf<S>>
  identify?: Method<Identify, OptionsOf<S>>
  group?: Method<Group, OptionsOf<S>>
  alias?: Method<Alias, OptionsOf<S>>
}

/** The part of the Analytics instance a destination may read. */
interface UserSource {
  user?: () => UserEntity
  options?: { nonce?: unknown }
}

/** Options every destination takes besides its own. */
export interface CommonOptions {
  /** Content-Security-Policy nonce for the vendor's script, image and iframe tags. */
  nonce?: string
}

export type DefinedIntegration<S extends OptionSchema> = IntegrationFactory<
  OptionsOf<S> & CommonOptions
> & {
  readonly schema: S
  readonly migrations: readonly OptionMigration[]
  readonly replacedBy?: string
}

const CALL_TYPES = [
  'track',
  'page',
  'screen',
  'identify',
  'group',
  'alias',
] as const

/**
 * Defines a destination from its option schema and methods. The returned
 * factory validates options, and the plugin it makes catches its own errors:
 * an invalid option makes `load` reject, so the destination is marked failed.
 */
export function defineIntegration<const S extends OptionSchema>(
  spec: IntegrationSpec<S>,
): DefinedIntegration<S> {
  const { name } = spec
  const migrations = spec.migrations || []
  const factory = (raw: OptionsOf<S> & CommonOptions): Plugin => {
    const migrated = migrateOptions(name, migrations, raw)
    const { options, errors } = validateOptions(
      name,
      spec.options,
      migrated.options,
    )
    const rawNonce = raw ? raw.nonce : undefined
    const load: LoadOptions = {
      nonce: typeof rawNonce === 'string' ? rawNonce : undefined,
    }
    let loaded = false
    let host: UserSource | undefined
    const context: IntegrationContext<OptionsOf<S>> = {
      options: options as OptionsOf<S>,
      state: {},
      log: createLogger(name),
      loadScript: (url, attributes) => loadScript(url, { ...load, attributes }),
      loadImage: (url) => loadImage(url, load),
      loadIframe: (url) => loadIframe(url, load),
      user: () =>
        host && typeof host.user === 'function' ? host.user() : undefined,
    }

    const plugin: Plugin = {
      name,
      type: 'destination',
      version: spec.version,
      alternativeNames: spec.aliases,
      // The destination's own check reads as loaded unless it returns false.
      isLoaded: () =>
        loaded && (!spec.isLoaded || spec.isLoaded(context) !== false),
      async load(_pluginContext: PluginContext, analytics: unknown) {
        host = analytics as UserSource | undefined
        // A destination passed in `plugins` is made before analytics.load
        // runs, so it takes the load options' nonce here.
        const hostNonce = host && host.options && host.options.nonce
        if (load.nonce === undefined && typeof hostNonce === 'string') {
          load.nonce = hostNonce
        }
        for (const change of migrated.changes) context.log.debug(change.message)
        if (spec.replacedBy) {
          context.log.debug(replacementHint(name, spec.replacedBy))
        }
        if (errors.length > 0) {
          throw new DestinationError(name, errors.join(' '))
        }
        await spec.load(context)
        loaded = true
      },
    }
    for (const type of CALL_TYPES) {
      const method = spec[type] as Method<unknown, OptionsOf<S>> | undefined
      if (!method) continue
      plugin[type] = (pluginContext: PluginContext) =>
        method(facadeOf(pluginContext.event), {
          ...context,
          message: pluginContext.event,
          callOptions: pluginContext.destinationOptions,
        })
    }
    return plugin
  }

  return Object.assign(factory, {
    integrationName: name,
    aliases: spec.aliases || [],
    schema: spec.options,
    migrations,
    replacedBy: spec.replacedBy,
  })
}
