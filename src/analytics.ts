import { invalidArgument, toText } from './arguments'
import { buildCall, type BuiltCall, type CallDependencies } from './calls'
import {
  createDebugRecord,
  logger as log,
  setDebugEnabled,
  type DebugRecord,
} from './debug'
import {
  createDispatcher,
  MIDDLEWARE_DROP,
  type Dispatcher,
} from './dispatcher'
import {
  trackElements,
  type ElementsInput,
  type EventOrBuilder,
  type PropertiesOrBuilder,
} from './dom-tracking'
import { Emitter } from './emitter'
import { InvalidArgumentError, messageOf } from './errors'
import type { AnalyticsEvents, DropNotice } from './events'
import { isBrowser, nextTask } from './global-scope'
import { createGroup, createUser } from './identity'
import type { GroupEntity, IdentityOptions, UserEntity } from './identity/types'
import { DestinationRunner } from './integration/destination'
import { setVendorUrlRewrite, toUrlRewrite } from './integration/loader'
import { selectBundledDestinations } from './integration/select'
import type {
  DestinationStatus,
  IntegrationFactory,
  Plugin,
} from './integration/types'
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

/** A call made before `load`: `invoke`'s arguments, page and time included. */
type EarlyCall = [
  method: EventType,
  args: unknown[],
  page: BufferedPageContext,
  now: number,
  messageId: string | undefined,
]

/**
 * The instance's stage: `new` before `load`, `deciding` while a `disable`
 * function decides (calls wait as before load), `running`, or `off` when
 * disabled or outside a browser (calls are ignored).
 */
type State = 'new' | 'deciding' | 'running' | 'off'

/** Calls kept before `load`; a page that never loads must not grow without bound. */
const MAX_EARLY_CALLS = 1000

/** Fix named in the reports of invalid middleware. */
const MIDDLEWARE_FIX = '({ payload, next }) => next(payload)'

/**
 * The analytics.js API. Every public method returns the instance (or the
 * entity or promise analytics.js returns) and never throws into the page.
 * As in analytics.js, the instance is the emitter of its events (`on`,
 * `once`, `off`, `emit`).
 */
export class Analytics extends Emitter<AnalyticsEvents> {
  readonly VERSION = '0.1.0'
  writeKey = ''
  options: LoadOptions = {}
  settings: CDNSettings | undefined
  initialized = false

  private dispatcher: Dispatcher
  private userEntity: UserEntity | undefined
  private groupEntity: GroupEntity | undefined
  private earlyCalls: EarlyCall[] = []
  private state: State = 'new'
  private callbackTimeout = DEFAULT_CALLBACK_TIMEOUT
  private destinationMiddleware = new Map<string, DestinationMiddleware[]>()
  private registeredLoads: Array<Promise<void>> = []
  /** Actions of `afterStored` that wait for this instance to start. */
  private storedActions: Array<() => void> = []
  private readyPromise: Promise<void>
  private resolveReady!: () => void

  constructor(private bundled: IntegrationFactory[] = []) {
    super()
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve))
    this.dispatcher = createDispatcher({
      onMiddlewareDrop: (message, detail) =>
        this.drop({
          reason: 'middleware',
          messageId: message.messageId,
          event: message,
          detail,
        }),
      onRouted: (message) => this.emit('invoke', message),
    })
  }

  /**
   * Starts the library: identity, settings, destinations and the endpoint.
   * Calls made before it are kept and replayed in order.
   */
  load(writeKey: string, options: LoadOptions = {}): this {
    if (this.state !== 'new') {
      log.misuse(
        'load-twice',
        `analytics.load was called again (write key ${JSON.stringify(writeKey)}); only the first call takes effect.`,
      )
    } else if (typeof writeKey !== 'string' || writeKey === '') {
      log.misuse(
        'load-write-key',
        invalidArgument(
          'load',
          'write key',
          writeKey,
          "Pass your source's write key, e.g. analytics.load('abc123').",
        ),
      )
    } else {
      this.writeKey = writeKey
      this.options = checkLoadOptions(options)
      if (!isBrowser()) {
        // Server-side rendering: no DOM, storage or network, so every call
        // is a no-op rather than a buffer that would grow for the process
        // lifetime.
        this.state = 'off'
        log.debug('analytics.load ran outside a browser, so calls are ignored.')
      } else {
        this.state =
          typeof this.options.disable === 'function' ? 'deciding' : 'running'
        void this.start().catch((error: unknown) =>
          log.misuse('load-failed', 'analytics failed to start.', error),
        )
      }
    }
    return this
  }

  private async start(): Promise<void> {
    const options = this.options
    const { disable } = options
    const deciding = typeof disable === 'function'
    let settings: CDNSettings | undefined
    // With a `disable` function, nothing is stored or sent until it
    // returns, so a consent check can keep the library off entirely.
    if (deciding) settings = await loadSettings(this.writeKey, options, log)
    if (
      disable === true ||
      (deciding && (await askDisable(disable, settings)))
    ) {
      this.state = 'off'
      this.earlyCalls = []
      log.debug('The disable option is on, so calls are ignored.')
      for (const action of this.storedActions.splice(0)) action()
      return
    }
    this.state = 'running'
    const rewrite = toUrlRewrite(options.vendorScriptUrl)
    if (rewrite) setVendorUrlRewrite(rewrite)
    this.startIdentity()
    for (const action of this.storedActions.splice(0)) {
      this.dispatcher.afterStored(action)
    }
    // Without a `disable` function, the endpoint starts before settings
    // arrive, so events stored by earlier page loads go out while settings
    // load.
    this.startEndpoint()
    if (!deciding) settings = await loadSettings(this.writeKey, options, log)

    const dispatcher = this.dispatcher
    this.settings = dispatcher.settings = settings
    dispatcher.plan = options.plan
      ? { ...settings?.plan, ...options.plan }
      : settings?.plan
    this.emit('initialize', settings)

    this.startEndpoint(settings)
    const selected = selectBundledDestinations(
      this.bundled,
      settings,
      options.integrations ?? {},
      options.nonce,
      log,
    )
    const loads: Array<Promise<void>> = []
    for (const [index, { factory, options }] of selected.entries()) {
      // Each destination checks its options and injects its script in a
      // task of its own, so seven of them do not make one long task.
      if (index > 0) await nextTask()
      dispatcher.bundledNames.add(factory.integrationName)
      loads.push(this.addDestination(factory(options)))
    }
    this.initialized = true
    dispatcher.start()
    dispatcher.adoptOrphans()
    // Once more after a live page's journal would go stale.
    setTimeout(() => {
      dispatcher.adoptOrphans()
      this.sendKeptCalls()
    }, STALE_JOURNAL_MS + 500)

    // Plugins registered before this point (AnalyticsBrowser's `plugins`)
    // count toward `ready` as bundled destinations do.
    await Promise.all([...loads, ...this.registeredLoads])
    this.registeredLoads = []
    this.resolveReady()
    this.emit('ready')
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
    for (const call of early) this.invoke(...call)
  }

  /**
   * Sends, to the endpoint only, the calls that pages closed before the
   * bundle ran left with the call keeper. They come first because they were
   * made before any call of this page. Client-side destinations skip them:
   * their vendor tags would attribute them to this page.
   */
  private sendKeptCalls(): void {
    const { records: keptCalls, remove } = takeKeptCalls(this.writeKey, log)
    if (keptCalls.length === 0) {
      remove()
      return
    }

    log.debug(
      `sending ${keptCalls.length} calls kept by pages closed before the bundle ran`,
    )
    // A closed page's identify or group must not change who is signed in
    // here, so its calls run against copies of the ids that store nothing.
    const identity = {
      ...this.identityOptions(),
      disableClientPersistence: true,
    }
    const current = this.user()
    const user = createUser(identity)
    user.anonymousId(current.anonymousId())
    user.id(current.id())
    user.traits(current.traits())
    const group = createGroup(identity)
    // Their instance events fired on the page that made them, if at all.
    const closedPage: CallDependencies = {
      user: () => user,
      group: () => group,
      emit: () => {},
    }
    for (const { method, args, page, timestamp, messageId } of keptCalls)
      this.invoke(method, args, page, timestamp, messageId, closedPage)
    this.dispatcher.afterStored(remove)
  }

  /** Creates the endpoint, or applies the settings to the one already running. */
  private startEndpoint(settings?: CDNSettings): void {
    const { integrations } = this.options
    if (!isEndpointEnabled(integrations ?? {})) {
      log.debug('The integrations load option turns the endpoint off.')
      return
    }
    const endpointSettings = resolveEndpointSettings(settings, integrations)
    const dispatcher = this.dispatcher
    if (dispatcher.endpoint) dispatcher.endpoint.configure(endpointSettings)
    else {
      dispatcher.endpoint = createEndpoint(this.writeKey, endpointSettings, {
        logger: log.child('endpoint'),
        onDelivered: (event) => this.emit('delivered', event),
        onDropped: (notice) => this.drop(notice),
      })
    }
  }

  private addDestination(plugin: Plugin): Promise<void> {
    const runner: DestinationRunner = new DestinationRunner(plugin, {
      log: log.child('destinations'),
      analytics: this,
      onStatus: (name, status) => this.emit('destination_status', name, status),
      onDropped: (notice) =>
        this.drop({ ...notice, messageId: notice.event.messageId }),
      middleware: () =>
        runner.names.flatMap(
          (name) => this.destinationMiddleware.get(name) ?? [],
        ),
    })
    this.dispatcher.runners.push(runner)
    return runner.load(this.options.readyTimeout ?? DEFAULT_READY_TIMEOUT)
  }

  private drop(notice: DropNotice): void {
    const { reason, detail, event } = notice
    log.debug(`dropped (${reason})`, notice)
    // Drops the site can fix are shown in any mode, once per cause. Routine
    // ones, such as a blocked vendor script or a middleware's choice, are not.
    if (reason === 'event_too_large') {
      log.misuse(
        'event-too-large',
        `An event was dropped because it is too large to send (${detail ?? 'over 32 KB'}). Send smaller properties, e.g. ids instead of whole objects.`,
        event,
      )
    } else if (reason === 'middleware' && detail !== MIDDLEWARE_DROP) {
      log.misuse(
        `middleware:${detail ?? ''}`.replace(/\d+/g, '#'),
        `An event was dropped: ${detail}.`,
        event,
      )
    }
    this.emit('dropped', notice)
  }

  // --- calls ---------------------------------------------------------------

  // Defined on the prototype below the class: each calls `invoke` with its
  // own name, so `track(...args)` is `invoke('track', args)`.
  declare track: (...args: unknown[]) => this
  declare page: (...args: unknown[]) => this
  declare screen: (...args: unknown[]) => this
  declare identify: (...args: unknown[]) => this
  declare alias: (...args: unknown[]) => this

  /** With no arguments returns the group entity; otherwise records a group call. */
  group(): GroupEntity
  group(...args: unknown[]): this
  group(...args: unknown[]): this | GroupEntity {
    if (args.length > 0) return this.invoke('group', args)
    return (this.groupEntity ??= createGroup(this.identityOptions()))
  }

  /** Classic analytics.js `pageview(url)`: a page call with that path. */
  pageview(url?: string): this {
    return this.page(url ? { path: url } : {})
  }

  /**
   * Resolves arguments and builds the message now, so it carries the page,
   * identity and time of the call, then hands it to the dispatcher.
   * `closedPage` is set for a call that a page closed before the bundle ran
   * left with the call keeper: the call runs against that stand-in identity
   * and goes to the endpoint only.
   */
  invoke(
    method: EventType,
    args: unknown[],
    page?: BufferedPageContext,
    now = Date.now(),
    messageId?: string,
    closedPage?: CallDependencies,
  ): this {
    if (this.state === 'off' || !isBrowser()) return this
    const context = page ?? capturePageContext()
    if (this.state !== 'running') {
      if (this.earlyCalls.length < MAX_EARLY_CALLS) {
        this.earlyCalls.push([method, args, context, now, messageId])
      } else {
        this.drop({
          reason: 'buffer_full',
          detail: `more than ${MAX_EARLY_CALLS} calls were made before analytics.load`,
        })
      }
      return this
    }

    const record = createDebugRecord(method, args)
    let built: BuiltCall
    try {
      built = buildCall(method, args, context, now, closedPage ?? this)
    } catch (error) {
      this.drop({
        reason: 'invalid_argument',
        detail: reportInvalid(method, args, error),
      })
      return this
    }

    const { message } = built
    let { callback } = built
    if (messageId) message.messageId = messageId
    // Runs the callback once, when destinations are done or at the timeout,
    // whichever comes first.
    const complete = () => {
      if (callback) runCallback(callback, message)
      callback = undefined
    }
    if (callback) setTimeout(complete, this.callbackTimeout)
    this.dispatcher.submit({
      message,
      record,
      done: complete,
      endpointOnly: !!closedPage,
    })
    return this
  }

  // --- identity ------------------------------------------------------------

  user(): UserEntity {
    return (this.userEntity ??= createUser(this.identityOptions()))
  }

  private identityOptions(): IdentityOptions {
    const { storage, cookie, disableClientPersistence } = this.options
    return {
      storage,
      cookie,
      disableClientPersistence:
        disableClientPersistence === true || this.state === 'off',
      generateId: uuid,
    }
  }

  /** Sets the anonymous id (when given) and returns the current one. */
  setAnonymousId(id?: string | number | null): string {
    const user = this.user()
    if (id !== undefined) {
      const value = id === null ? null : toText(id)
      if (value === undefined) {
        log.misuse(
          'set-anonymous-id',
          invalidArgument(
            'setAnonymousId',
            'id',
            id,
            'Pass a string, or null to make a new one.',
          ),
        )
      } else user.anonymousId(value)
    }
    return user.anonymousId()
  }

  reset(): this {
    this.user().reset()
    this.group().reset()
    this.emit('reset')
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

  /**
   * Runs `action` once every call made so far is in this page's storage,
   * where another page finds it if this one closes, or was dropped. Until
   * `load` starts the instance, calls wait in memory, so `action` waits
   * too. With analytics off, it runs at once. The script-tag entry removes
   * the call keeper's record with it.
   */
  afterStored(action: () => void): void {
    if (this.state === 'running') this.dispatcher.afterStored(action)
    else if (this.state === 'off') action()
    else this.storedActions.push(action)
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
    return Object.fromEntries(
      this.dispatcher.runners.map((runner) => [runner.name, runner.status]),
    )
  }

  // --- middleware and plugins ---------------------------------------------

  addSourceMiddleware(middleware: SourceMiddleware): this {
    if (typeof middleware === 'function')
      this.dispatcher.sourceMiddleware.push(middleware)
    else {
      log.misuse(
        'source-middleware',
        invalidArgument(
          'addSourceMiddleware',
          'middleware',
          middleware,
          `Pass a function ${MIDDLEWARE_FIX}.`,
        ),
      )
    }
    return this
  }

  /** Adds middleware for the named destinations, e.g. ('Facebook Pixel', fn). */
  addDestinationMiddleware(
    name: string,
    ...middleware: DestinationMiddleware[]
  ): this {
    const invalid = middleware.find((fn) => typeof fn !== 'function')
    if (
      typeof name !== 'string' ||
      invalid !== undefined ||
      middleware.length === 0
    ) {
      const nameValid = typeof name === 'string'
      log.misuse(
        'destination-middleware',
        invalidArgument(
          'addDestinationMiddleware',
          nameValid ? 'middleware' : 'destination name',
          nameValid ? invalid : name,
          `Call it as addDestinationMiddleware('Destination Name', ${MIDDLEWARE_FIX}).`,
        ),
      )
    } else {
      this.destinationMiddleware.set(name, [
        ...(this.destinationMiddleware.get(name) ?? []),
        ...middleware,
      ])
    }
    return this
  }

  /** Old snippet name of `addDestinationMiddleware`, the same function. */
  declare addIntegrationMiddleware: this['addDestinationMiddleware']

  /** Registers analytics-next plugin objects; destination plugins are routed by name. */
  async register(...plugins: Plugin[]): Promise<void> {
    await Promise.all(
      plugins.map((plugin) => {
        if (!isPlugin(plugin)) {
          log.misuse(
            'register',
            invalidArgument(
              'register',
              'plugin',
              plugin,
              'A plugin needs name, type, isLoaded and load.',
            ),
          )
        } else if (plugin.type === 'destination') {
          const loading = this.addDestination(plugin)
          this.registeredLoads.push(loading)
          return loading
        } else {
          this.dispatcher.plugins.push(plugin)
          return Promise.resolve()
            .then(() => plugin.load({} as never, this))
            .catch((error: unknown) =>
              log.misuse(
                `plugin-load:${plugin.name}`,
                `Plugin ${plugin.name} failed to load.`,
                error,
              ),
            )
        }
      }),
    )
  }

  async deregister(...names: string[]): Promise<void> {
    const dispatcher = this.dispatcher
    const named = (item: { name: string }) => names.includes(item.name)
    dispatcher.runners = dispatcher.runners.filter((runner) => !named(runner))
    const removed = dispatcher.plugins.filter(named)
    dispatcher.plugins = dispatcher.plugins.filter((plugin) => !named(plugin))
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
    trackElements(
      this,
      'click',
      elements,
      event,
      properties,
      this.callbackTimeout,
    )
    return this
  }

  trackForm(
    elements: ElementsInput,
    event: EventOrBuilder,
    properties?: PropertiesOrBuilder,
  ): this {
    trackElements(
      this,
      'submit',
      elements,
      event,
      properties,
      this.callbackTimeout,
    )
    return this
  }

  /** Old snippet name of `trackLink`, the same function. */
  declare trackClick: this['trackLink']
  /** Old snippet name of `trackForm`, the same function. */
  declare trackSubmit: this['trackForm']
}

const prototype = Analytics.prototype
for (const method of [
  'track',
  'page',
  'screen',
  'identify',
  'alias',
] as const) {
  prototype[method] = function (this: Analytics, ...args: unknown[]) {
    return this.invoke(method, args)
  }
}
prototype.addIntegrationMiddleware = prototype.addDestinationMiddleware
prototype.trackClick = prototype.trackLink
prototype.trackSubmit = prototype.trackForm

/** Calls the `disable` option. A function that throws keeps analytics off. */
async function askDisable(
  disable: (settings: CDNSettings | undefined) => boolean | Promise<boolean>,
  settings: CDNSettings | undefined,
): Promise<boolean> {
  try {
    return Boolean(await disable(settings))
  } catch (error) {
    log.misuse(
      'disable-threw',
      `The disable function passed to analytics.load threw, so analytics stays off on this page: ${messageOf(error)}`,
    )
    return true
  }
}

/** Reports a call dropped for its arguments and returns the drop's detail. */
function reportInvalid(
  method: string,
  args: unknown[],
  error: unknown,
): string {
  const raw = messageOf(error)
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
  return text
}

function runCallback(callback: Callback, message: SegmentEvent): void {
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

function isPlugin(value: unknown): value is Plugin {
  const plugin = value as Record<string, unknown> | null
  return (
    typeof plugin === 'object' &&
    typeof plugin?.name === 'string' &&
    typeof plugin.type === 'string' &&
    typeof plugin.load === 'function' &&
    typeof plugin.isLoaded === 'function'
  )
}

export type { DebugRecord }
