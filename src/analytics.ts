import { describe } from './arguments'
import { buildCall, type BuiltCall } from './calls'
import {
  createDebugRecord,
  createLogger,
  setDebugEnabled,
  type DebugRecord,
} from './debug'
import { Dispatcher, MIDDLEWARE_DROP } from './dispatcher'
import { Emitter } from './emitter'
import { InvalidArgumentError } from './errors'
import type { AnalyticsEvents, DropNotice } from './events'
import { isBrowser } from './global-scope'
import { createGroup, createUser } from './identity'
import type { GroupEntity, UserEntity } from './identity/types'
import { DestinationRunner } from './integration/destination'
import { setVendorUrlRewrite, toUrlRewrite } from './integration/loader'
import { selectBundledDestinations } from './integration/select'
import type {
  DestinationStatus,
  IntegrationFactory,
  Plugin,
} from './integration/types'
import {
  trackForm,
  trackLink,
  type ElementsInput,
  type EventOrBuilder,
  type PropertiesOrBuilder,
} from './dom-tracking'
import {
  capturePageContext,
  type BufferedPageContext,
} from './message/page-context'
import type { Callback, EventType, SegmentEvent } from './message/types'
import { uuid } from './message/uuid'
import {
  checkLoadOptions,
  DEFAULT_CALLBACK_TIMEOUT,
  DEFAULT_READY_TIMEOUT,
  type LoadOptions,
} from './options'
import type {
  DestinationMiddleware,
  SourceMiddleware,
} from './pipeline/middleware'
import { createEndpoint, resolveEndpointSettings } from './pipeline/endpoint'
import {
  createPendingJournal,
  STALE_JOURNAL_MS,
} from './pipeline/pending-journal'
import { takeKeptCalls } from './pipeline/kept-calls'
import { isEndpointEnabled } from './pipeline/routing'
import { applyQueryString } from './query-string'
import { loadSettings } from './settings/load'
import type { CDNSettings } from './settings/types'

/** A call made before `load`, replayed with the page and time it was made at. */
interface EarlyCall {
  method: EventType
  args: unknown[]
  page: BufferedPageContext
  now: number
  messageId: string | undefined
}

const log = createLogger()

/** Calls kept before `load`; a page that never loads must not grow without bound. */
const MAX_EARLY_CALLS = 1000

/**
 * The analytics.js API. Every public method returns the instance (or the
 * entity or promise analytics.js returns) and never throws into the page.
 */
export class Analytics {
  readonly VERSION = '0.1.0'
  writeKey = ''
  options: LoadOptions = {}
  settings: CDNSettings | undefined
  initialized = false

  private emitter = new Emitter<AnalyticsEvents>(log)
  private dispatcher: Dispatcher
  private userEntity: UserEntity | undefined
  private groupEntity: GroupEntity | undefined
  private bundled: IntegrationFactory[] = []
  private earlyCalls: EarlyCall[] = []
  private loadStarted = false
  /** True while a `disable` function decides; calls wait as before load. */
  private deciding = false
  private disabled = false
  private callbackTimeout = DEFAULT_CALLBACK_TIMEOUT
  private destinationMiddleware = new Map<string, DestinationMiddleware[]>()
  private registeredLoads: Array<Promise<void>> = []
  private readyPromise: Promise<void>
  private resolveReady!: () => void

  constructor(bundled: IntegrationFactory[] = []) {
    this.bundled = bundled
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve))
    this.dispatcher = new Dispatcher({
      log,
      onMiddlewareDrop: (message, detail) =>
        this.drop({
          reason: 'middleware',
          messageId: message.messageId,
          event: message,
          detail,
        }),
      onRouted: (message) => this.emitter.emit('invoke', message),
    })
  }

  /**
   * Starts the library: identity, settings, destinations and the endpoint.
   * Calls made before it are kept and replayed in order.
   */
  load(writeKey: string, options: LoadOptions = {}): this {
    if (this.loadStarted) {
      log.misuse(
        'load-twice',
        `analytics.load was called again (write key ${JSON.stringify(writeKey)}); only the first call takes effect.`,
      )
      return this
    }
    if (typeof writeKey !== 'string' || writeKey === '') {
      log.misuse(
        'load-write-key',
        `analytics.load: invalid write key ${describe(writeKey)}. Pass your source's write key, e.g. analytics.load('abc123').`,
      )
      return this
    }
    this.loadStarted = true
    this.writeKey = writeKey
    const checked = checkLoadOptions(options)
    for (const problem of checked.problems)
      log.misuse(`load-option:${problem}`, problem)
    this.options = checked.options
    this.deciding = typeof this.options.disable === 'function'
    if (!isBrowser()) {
      // Server-side rendering: no DOM, storage or network, so every call is
      // a no-op rather than a buffer that would grow for the process lifetime.
      this.disabled = true
      log.debug(
        'analytics.load outside a browser: calls are ignored on the server.',
      )
      return this
    }
    void this.start().catch((error: unknown) =>
      log.misuse('load-failed', 'analytics failed to start.', error),
    )
    return this
  }

  private async start(): Promise<void> {
    const options = this.options
    if (options.disable === true) return this.shutDown()
    const rewrite = toUrlRewrite(options.vendorScriptUrl)
    if (rewrite) setVendorUrlRewrite(rewrite)

    let settings: CDNSettings | undefined
    if (typeof options.disable === 'function') {
      // Nothing is stored or sent until the site's function returns, so a
      // consent check can keep the library off entirely.
      settings = await loadSettings(this.writeKey, options, log)
      if (await this.askDisable(options.disable, settings)) {
        return this.shutDown()
      }
      this.deciding = false
      this.startIdentity()
      this.startEndpoint(undefined)
    } else {
      this.startIdentity()
      // The endpoint starts before settings arrive, so events stored by
      // earlier page loads go out while settings load.
      this.startEndpoint(undefined)
      settings = await loadSettings(this.writeKey, options, log)
    }

    this.settings = settings
    this.dispatcher.settings = settings
    this.dispatcher.plan = options.plan
      ? { ...(settings?.plan ?? {}), ...options.plan }
      : settings?.plan
    this.emitter.emit('initialize', settings)

    this.startEndpoint(settings)
    const loads = this.createBundledDestinations(settings)
    this.initialized = true
    this.dispatcher.start()
    this.adoptOrphanedCalls()

    // Plugins registered before this point (AnalyticsBrowser's `plugins`)
    // count toward `ready` as bundled destinations do.
    await Promise.all([...loads, ...this.registeredLoads])
    this.registeredLoads = []
    this.resolveReady()
    this.emitter.emit('ready')
  }

  /**
   * Reads the ids, which writes the anonymous id cookie and rewrites a stale
   * localStorage copy from the top-domain cookie, as analytics.js does on
   * load. Then sends the initial page view, the query-string calls and the
   * calls made before load, in that order.
   */
  private startIdentity(): void {
    this.dispatcher.journal = createPendingJournal(this.writeKey, uuid(), log)
    this.user().anonymousId()
    this.sendKeptCalls()
    const early = this.earlyCalls
    this.earlyCalls = []
    if (this.options.initialPageview) this.page()
    applyQueryString(this, this.options.useQueryString)
    for (const call of early) {
      this.invoke(call.method, call.args, call.page, call.now, call.messageId)
    }
  }

  /**
   * Sends, to the endpoint only, the calls that pages closed before the
   * bundle ran left with the call keeper. They come first because they were
   * made before any call of this page. Client-side destinations skip them:
   * their vendor tags would attribute them to this page.
   */
  private sendKeptCalls(): void {
    const keptCalls = takeKeptCalls(this.writeKey, log)
    if (keptCalls.length === 0) return

    log.debug(
      `sending ${keptCalls.length} calls that a page closed before the bundle ran left stored`,
    )
    // A closed page's identify or group must not change who is signed in
    // here, so its calls run against copies of the ids that store nothing.
    const identity = {
      ...this.identityOptions(),
      disableClientPersistence: true,
    }
    const user = createUser(identity)
    user.anonymousId(this.user().anonymousId())
    user.id(this.user().id())
    user.traits(this.user().traits())
    const group = createGroup(identity)
    for (const call of keptCalls) {
      const record = createDebugRecord(call.method, call.args)
      try {
        const { message } = buildCall(
          call.method,
          call.args,
          call.page ?? capturePageContext(),
          call.timestamp,
          { user, group: () => group, emitter: this.emitter },
        )
        if (call.messageId) message.messageId = call.messageId
        this.dispatcher.submit({
          message,
          record,
          done: () => {},
          endpointOnly: true,
        })
      } catch (error) {
        this.reportInvalid(call.method, call.args, error)
      }
    }
  }

  /**
   * Sends what pages that closed before their settings arrived left
   * waiting, now and once more after a live page's journal would go stale.
   */
  private adoptOrphanedCalls(): void {
    const adopted = this.dispatcher.adoptOrphans()
    if (adopted > 0)
      log.debug(`sending ${adopted} calls that a closed page left waiting`)
    setTimeout(() => {
      this.dispatcher.adoptOrphans()
      this.sendKeptCalls()
    }, STALE_JOURNAL_MS + 500)
  }

  /** Calls the `disable` option; a function that throws keeps analytics off. */
  private async askDisable(
    disable: (settings: CDNSettings | undefined) => boolean | Promise<boolean>,
    settings: CDNSettings | undefined,
  ): Promise<boolean> {
    try {
      return Boolean(await disable(settings))
    } catch (error) {
      log.misuse(
        'disable-threw',
        `The disable function passed to analytics.load threw, so analytics stays off on this page: ${error instanceof Error ? error.message : String(error)}`,
      )
      return true
    }
  }

  /** Creates the endpoint, or applies the settings to the one already running. */
  private startEndpoint(settings: CDNSettings | undefined): void {
    if (!isEndpointEnabled(this.options.integrations ?? {})) {
      log.debug(
        'The integrations load option turns the endpoint off; no event is sent to it.',
      )
      return
    }
    const endpointSettings = resolveEndpointSettings(
      settings,
      this.options.integrations,
    )
    if (this.dispatcher.endpoint) {
      this.dispatcher.endpoint.configure(endpointSettings)
      return
    }
    this.dispatcher.endpoint = createEndpoint(this.writeKey, endpointSettings, {
      logger: log.child('endpoint'),
      onDelivered: (event) => this.emitter.emit('delivered', event),
      onDropped: (notice) => this.drop(notice),
    })
  }

  private shutDown(): void {
    this.disabled = true
    this.earlyCalls = []
    log.debug(
      'analytics is disabled by the `disable` option; calls are ignored.',
    )
  }

  private createBundledDestinations(
    settings: CDNSettings | undefined,
  ): Array<Promise<void>> {
    const selected = selectBundledDestinations(
      this.bundled,
      settings,
      this.options.integrations ?? {},
      this.options.nonce,
      log,
    )
    return selected.map(({ factory, options }) => {
      this.dispatcher.bundledNames.add(factory.integrationName)
      return this.addDestination(factory(options))
    })
  }

  private addDestination(plugin: Plugin): Promise<void> {
    const runner = new DestinationRunner(plugin, {
      log: log.child('destinations'),
      analytics: this,
      onStatus: (name, status) =>
        this.emitter.emit('destination_status', name, status),
      onDropped: (notice) =>
        this.drop({ ...notice, messageId: notice.event.messageId }),
      middleware: () => [
        ...(this.destinationMiddleware.get(plugin.name) ?? []),
        ...(plugin.alternativeNames ?? []).flatMap(
          (alias) => this.destinationMiddleware.get(alias) ?? [],
        ),
      ],
    })
    this.dispatcher.runners.push(runner)
    return runner.load(this.options.readyTimeout ?? DEFAULT_READY_TIMEOUT)
  }

  private drop(notice: DropNotice): void {
    log.debug(
      `dropped (${notice.reason})${notice.destination ? ` for ${notice.destination}` : ''}`,
      notice.detail ?? '',
      notice.event ?? '',
    )
    // Drops the site can fix are shown in any mode, once per cause. Routine
    // ones, such as a blocked vendor script or a middleware's choice, are not.
    if (notice.reason === 'event_too_large') {
      log.misuse(
        'event-too-large',
        `An event was dropped because it is too large to send (${notice.detail ?? 'over 32 KB'}). Send smaller properties, e.g. ids instead of whole objects.`,
        notice.event,
      )
    } else if (
      notice.reason === 'middleware' &&
      notice.detail !== MIDDLEWARE_DROP
    ) {
      log.misuse(
        `middleware:${notice.detail ?? ''}`.replace(/\d+/g, '#'),
        `An event was dropped: ${notice.detail}.`,
        notice.event,
      )
    }
    this.emitter.emit('dropped', notice)
  }

  // --- calls ---------------------------------------------------------------

  track(...args: unknown[]): this {
    return this.invoke('track', args)
  }

  page(...args: unknown[]): this {
    return this.invoke('page', args)
  }

  screen(...args: unknown[]): this {
    return this.invoke('screen', args)
  }

  identify(...args: unknown[]): this {
    return this.invoke('identify', args)
  }

  alias(...args: unknown[]): this {
    return this.invoke('alias', args)
  }

  /** With no arguments returns the group entity; otherwise records a group call. */
  group(): GroupEntity
  group(...args: unknown[]): this
  group(...args: unknown[]): this | GroupEntity {
    if (args.length === 0) return this.groupEntityOrCreate()
    return this.invoke('group', args)
  }

  /** Classic analytics.js `pageview(url)`: a page call with that path. */
  pageview(url?: string): this {
    return this.page(url ? { path: url } : {})
  }

  /**
   * Resolves arguments and builds the message now, so it carries the page,
   * identity and time of the call, then hands it to the dispatcher.
   */
  invoke(
    method: EventType,
    args: unknown[],
    page?: BufferedPageContext,
    now = Date.now(),
    messageId?: string,
  ): this {
    if (this.disabled || !isBrowser()) return this
    const context = page ?? capturePageContext()
    if (!this.loadStarted || this.deciding) {
      if (this.earlyCalls.length >= MAX_EARLY_CALLS) {
        this.drop({
          reason: 'buffer_full',
          detail: `more than ${MAX_EARLY_CALLS} calls were made before analytics.load`,
        })
        return this
      }
      this.earlyCalls.push({ method, args, page: context, now, messageId })
      return this
    }

    const record = createDebugRecord(method, args)
    let built: BuiltCall
    try {
      built = buildCall(method, args, context, now, {
        user: this.user(),
        group: () => this.groupEntityOrCreate(),
        emitter: this.emitter,
      })
    } catch (error) {
      this.reportInvalid(method, args, error)
      return this
    }

    const { message, callback, emit } = built
    if (messageId) message.messageId = messageId
    emit()
    let finished = false
    const complete = () => {
      if (finished) return
      finished = true
      if (callback) this.runCallback(callback, message)
    }
    if (callback) setTimeout(complete, this.callbackTimeout)
    this.dispatcher.submit({ message, record, done: complete })
    return this
  }

  private reportInvalid(method: string, args: unknown[], error: unknown): void {
    const raw = error instanceof Error ? error.message : String(error)
    const text = raw.startsWith('analytics.')
      ? raw
      : `analytics.${method}: ${raw}`
    const cause =
      error instanceof InvalidArgumentError
        ? text.replace(/\d+/g, '#')
        : 'unexpected'
    log.misuse(
      `invalid:${method}:${cause}`,
      `${text} The call was dropped; nothing else is affected.`,
      args,
    )
    this.drop({ reason: 'invalid_argument', detail: text })
  }

  private runCallback(callback: Callback, message: SegmentEvent): void {
    try {
      callback({ event: message })
    } catch (error) {
      log.misuse(
        'callback-threw',
        'A callback passed to analytics threw; later calls are not affected.',
        error,
      )
    }
  }

  // --- identity ------------------------------------------------------------

  user(): UserEntity {
    this.userEntity ??= createUser(this.identityOptions())
    return this.userEntity
  }

  private groupEntityOrCreate(): GroupEntity {
    this.groupEntity ??= createGroup(this.identityOptions())
    return this.groupEntity
  }

  private identityOptions() {
    return {
      storage: this.options.storage,
      cookie: this.options.cookie,
      disableClientPersistence:
        this.options.disableClientPersistence === true || this.disabled,
      generateId: uuid,
    }
  }

  /** Sets the anonymous id (when given) and returns the current one. */
  setAnonymousId(id?: string | number | null): string {
    const user = this.user()
    if (typeof id === 'string' || id === null) user.anonymousId(id)
    else if (typeof id === 'number' && Number.isFinite(id))
      user.anonymousId(String(id))
    else if (id !== undefined) {
      log.misuse(
        'set-anonymous-id',
        `analytics.setAnonymousId: invalid id ${describe(id)}. Pass a string, or null to make a new one.`,
      )
    }
    return user.anonymousId()
  }

  reset(): this {
    this.user().reset()
    this.groupEntityOrCreate().reset()
    this.emitter.emit('reset')
    return this
  }

  // --- lifecycle -----------------------------------------------------------

  /**
   * Runs `callback` once every enabled destination has loaded, failed or
   * timed out; the promise settles at the same moment.
   */
  ready(callback?: () => void): Promise<void> {
    const promise = this.readyPromise
    if (typeof callback === 'function') {
      void promise.then(() => {
        try {
          callback()
        } catch (error) {
          log.misuse('ready-callback', 'A ready callback threw.', error)
        }
      })
    }
    return promise
  }

  /** Settles once nothing is in flight or ready to send. */
  async flush(): Promise<void> {
    await this.dispatcher.whenIdle()
    await this.dispatcher.endpoint?.flush()
  }

  /** Sets how long (ms) a call's callback waits for destinations. */
  timeout(ms: number): this {
    if (typeof ms === 'number' && ms >= 0) this.callbackTimeout = ms
    return this
  }

  /** `debug()` or `debug(true)` turns debug mode on; `debug(false)` off. */
  debug(on: unknown = true): this {
    setDebugEnabled(on !== false)
    return this
  }

  /** Status of each destination, by name. */
  destinationStatus(): Record<string, DestinationStatus> {
    const statuses: Record<string, DestinationStatus> = {}
    for (const runner of this.dispatcher.runners)
      statuses[runner.name] = runner.status
    return statuses
  }

  on<K extends keyof AnalyticsEvents>(
    name: K,
    listener: (...args: AnalyticsEvents[K]) => void,
  ): this {
    this.emitter.on(name, listener)
    return this
  }

  once<K extends keyof AnalyticsEvents>(
    name: K,
    listener: (...args: AnalyticsEvents[K]) => void,
  ): this {
    this.emitter.once(name, listener)
    return this
  }

  off<K extends keyof AnalyticsEvents>(
    name: K,
    listener?: (...args: AnalyticsEvents[K]) => void,
  ): this {
    this.emitter.off(name, listener)
    return this
  }

  // --- middleware and plugins ---------------------------------------------

  addSourceMiddleware(middleware: SourceMiddleware): this {
    if (typeof middleware !== 'function') {
      log.misuse(
        'source-middleware',
        `analytics.addSourceMiddleware: invalid middleware ${describe(middleware)}. Pass a function ({ payload, next }) => next(payload).`,
      )
      return this
    }
    this.dispatcher.sourceMiddleware.push(middleware)
    return this
  }

  /** Adds middleware for the named destinations, e.g. ('Facebook Pixel', fn). */
  addDestinationMiddleware(
    name: string,
    ...middleware: DestinationMiddleware[]
  ): this {
    const valid = middleware.filter((fn) => typeof fn === 'function')
    const invalid = middleware.find((fn) => typeof fn !== 'function')
    if (
      typeof name !== 'string' ||
      invalid !== undefined ||
      valid.length === 0
    ) {
      const received =
        typeof name !== 'string'
          ? `the name ${describe(name)}`
          : invalid !== undefined
            ? `the middleware ${describe(invalid)}`
            : 'no middleware'
      log.misuse(
        'destination-middleware',
        `analytics.addDestinationMiddleware: expected a destination name and one or more functions, received ${received}. Call it as addDestinationMiddleware('Destination Name', ({ payload, next }) => next(payload)).`,
      )
      return this
    }
    this.destinationMiddleware.set(name, [
      ...(this.destinationMiddleware.get(name) ?? []),
      ...valid,
    ])
    return this
  }

  /** Old snippet name of `addDestinationMiddleware`. */
  addIntegrationMiddleware(
    name: string,
    ...middleware: DestinationMiddleware[]
  ): this {
    return this.addDestinationMiddleware(name, ...middleware)
  }

  /** Registers analytics-next plugin objects; destination plugins are routed by name. */
  async register(...plugins: Plugin[]): Promise<void> {
    const loads: Array<Promise<unknown>> = []
    for (const plugin of plugins) {
      if (!isPlugin(plugin)) {
        log.misuse(
          'register',
          `analytics.register: invalid plugin ${describe(plugin)}. A plugin needs name, type, isLoaded and load.`,
        )
        continue
      }
      if (plugin.type === 'destination') {
        const loading = this.addDestination(plugin)
        this.registeredLoads.push(loading)
        loads.push(loading)
        continue
      }
      this.dispatcher.plugins.push(plugin)
      loads.push(
        Promise.resolve()
          .then(() => plugin.load({} as never, this))
          .catch((error: unknown) => {
            log.misuse(
              `plugin-load:${plugin.name}`,
              `Plugin ${plugin.name} failed to load.`,
              error,
            )
          }),
      )
    }
    await Promise.all(loads)
  }

  async deregister(...names: string[]): Promise<void> {
    this.dispatcher.runners = this.dispatcher.runners.filter(
      (runner) => !names.includes(runner.name),
    )
    const removed = this.dispatcher.plugins.filter((plugin) =>
      names.includes(plugin.name),
    )
    this.dispatcher.plugins = this.dispatcher.plugins.filter(
      (plugin) => !names.includes(plugin.name),
    )
    for (const plugin of removed) {
      try {
        await plugin.unload?.({} as never, this)
      } catch (error) {
        log.warn(`Plugin ${plugin.name} threw while unloading.`, error)
      }
    }
  }

  /** Classic analytics.js `use(fn)`: calls `fn(analytics)`. */
  use(plugin: (analytics: this) => void): this {
    try {
      plugin(this)
    } catch (error) {
      log.misuse('use', 'A function passed to analytics.use threw.', error)
    }
    return this
  }

  // --- DOM helpers ---------------------------------------------------------

  trackLink(
    elements: ElementsInput,
    event: EventOrBuilder,
    properties?: PropertiesOrBuilder,
  ): this {
    trackLink(this, elements, event, properties, this.callbackTimeout)
    return this
  }

  trackForm(
    elements: ElementsInput,
    event: EventOrBuilder,
    properties?: PropertiesOrBuilder,
  ): this {
    trackForm(this, elements, event, properties, this.callbackTimeout)
    return this
  }

  /** Old snippet name of `trackLink`. */
  trackClick(
    elements: ElementsInput,
    event: EventOrBuilder,
    properties?: PropertiesOrBuilder,
  ): this {
    return this.trackLink(elements, event, properties)
  }

  /** Old snippet name of `trackForm`. */
  trackSubmit(
    elements: ElementsInput,
    event: EventOrBuilder,
    properties?: PropertiesOrBuilder,
  ): this {
    return this.trackForm(elements, event, properties)
  }
}

function isPlugin(value: unknown): value is Plugin {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.type === 'string' &&
    typeof candidate.load === 'function' &&
    typeof candidate.isLoaded === 'function'
  )
}

export type { DebugRecord }
