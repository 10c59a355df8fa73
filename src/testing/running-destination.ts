import { Analytics } from '../analytics'
import { InvalidArgumentError } from '../errors'
import type { DropNotice } from '../events'
import { getDocument, getWindow } from '../global-scope'
import {
  resetLoadedScripts,
  setLoadInterceptor,
  setVendorUrlRewrite,
} from '../integration/loader'
import type { DestinationStatus } from '../integration/types'
import type { EventType, SegmentEvent } from '../message/types'
import type { DestinationCalls } from './calls'
import type {
  AnyDestinationFactory,
  DestinationTest,
  DestinationTestOptions,
} from './destination-test'
import { instrumentFactory } from './instrument'
import { createInterceptor, type InterceptedLoads } from './interceptor'
import { testLoadOptions } from './load-options'
import type { StandIn, VendorRequest } from './stand-in'
import { bundledStandIns } from './stand-ins'
import {
  clearVendorCalls,
  readVendorCalls,
  type VendorCall,
} from './vendor-calls'

/** How long an awaited call may take before it fails, unless set. */
const DEFAULT_CALL_TIMEOUT = 2000

/** Destination tests started so far, for a write key of their own. */
let started = 0

/**
 * The destination test that `startDestination` returns: one Analytics
 * instance with the instrumented destination, the loader interceptor, and
 * the clean-up of both.
 */
export class RunningDestination implements DestinationTest {
  readonly name: string
  readonly analytics: Analytics
  readonly loaded: Promise<DestinationStatus | undefined>

  readonly track = this.caller('track')
  readonly page = this.caller('page')
  readonly screen = this.caller('screen')
  readonly identify = this.caller('identify')
  readonly group = this.caller('group')
  readonly alias = this.caller('alias')

  private readonly standIns: readonly StandIn[]
  private readonly callTimeout: number
  private readonly seen: InterceptedLoads = {
    requests: [],
    passedThrough: new Set(),
    stopped: false,
  }
  private readonly callErrors = new Map<string, Error>()
  private readonly globalsBefore = new Set(pageGlobals())
  private error: Error | undefined
  private settled = false
  private disposed = false

  /** `onDispose` runs once, when the test is disposed. */
  constructor(
    factory: AnyDestinationFactory,
    options: DestinationTestOptions,
    private readonly onDispose: () => void,
  ) {
    this.name = factory.integrationName
    this.standIns = options.standIns ?? bundledStandIns()
    this.callTimeout = options.callTimeout ?? DEFAULT_CALL_TIMEOUT
    clearVendorCalls()
    resetLoadedScripts()
    setVendorUrlRewrite(undefined)
    setLoadInterceptor(createInterceptor(this.standIns, this.seen))

    const instrumented = instrumentFactory(factory, {
      loadFailed: (error) => (this.error = toError(error)),
      callFailed: (messageId, error) =>
        this.callErrors.set(messageId, toError(error)),
    })
    this.analytics = new Analytics([instrumented])
    // The kit's own timer bounds a call. The core's callback must not fire
    // before it, or a call still in progress would look finished.
    this.analytics.timeout(this.callTimeout + 1000)
    this.analytics.load(
      `destination-test-${++started}-${Date.now()}`,
      testLoadOptions(this.name, options.settings, options.loadOptions),
    )
    this.loaded = this.analytics.ready().then(() => {
      this.settled = true
      return this.status()
    })
  }

  get loadError(): Error | undefined {
    return this.error
  }

  status(): DestinationStatus | undefined {
    return this.analytics.destinationStatus()[this.name]
  }

  vendorCalls(vendor?: string): VendorCall[] {
    return readVendorCalls(vendor)
  }

  vendorRequests(): VendorRequest[] {
    return this.seen.requests.map((request) => ({ ...request }))
  }

  reset(): void {
    clearVendorCalls()
    this.seen.requests.length = 0
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.seen.stopped = true
    this.onDispose()
    setLoadInterceptor(undefined)
    setVendorUrlRewrite(undefined)
    resetLoadedScripts()
    this.analytics.reset()
    removeTags(this.seen.passedThrough)
    for (const standIn of this.standIns) standIn.remove()
    removeGlobalsAddedSince(this.globalsBefore)
    clearVendorCalls()
  }

  private caller<M extends EventType>(method: M): DestinationCalls[M] {
    return ((...args: unknown[]) =>
      this.call(method, args)) as unknown as DestinationCalls[M]
  }

  private call(method: EventType, args: unknown[]): Promise<SegmentEvent> {
    const problem = this.callProblem(method)
    if (problem) return Promise.reject(problem)

    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${this.name} did not finish handling the ${method} call within ${this.callTimeout} ms. Raise the callTimeout option if it needs longer.`,
            ),
          ),
        this.callTimeout,
      )
      const finish = (context: unknown) => {
        clearTimeout(timer)
        const message = (context as { event: SegmentEvent }).event
        const error = this.callErrors.get(message.messageId)
        if (error) reject(error)
        else resolve(message)
      }

      // An invalid call is dropped at once and its callback never runs.
      let invalid: string | undefined
      const onDropped = (notice: DropNotice) => {
        if (notice.reason === 'invalid_argument') invalid = notice.detail
      }
      this.analytics.on('dropped', onDropped)
      const invoke = this.analytics[method] as (...rest: unknown[]) => unknown
      invoke.apply(this.analytics, [...args, finish])
      this.analytics.off('dropped', onDropped)
      if (invalid !== undefined) {
        clearTimeout(timer)
        reject(new InvalidArgumentError(invalid))
      }
    })
  }

  /** Returns why an awaited call cannot reach the destination now, if it cannot. */
  private callProblem(method: EventType): Error | undefined {
    if (this.disposed)
      return new Error(
        `${this.name}: ${method} was called after dispose(). Start a new destination test.`,
      )
    if (!this.settled)
      return new Error(
        `${this.name}: ${method} was awaited before the destination finished loading. Await destination.loaded first (loadDestination does), or call destination.analytics.${method}(...) without awaiting it to test a call made while it loads.`,
      )
    const status = this.status()
    if (status === undefined)
      return new Error(
        `${this.name} is turned off by the integrations load option, so the ${method} call cannot reach it.`,
      )
    if (status === 'failed')
      return new Error(
        `${this.name} failed to load, so the ${method} call cannot reach it: ${this.error?.message ?? 'see the debug log'}`,
      )
    if (status === 'timed-out')
      return new Error(
        `${this.name} did not finish loading within readyTimeout, so the ${method} call would wait for it. Check that a stand-in matches each vendor URL, or raise loadOptions.readyTimeout.`,
      )
    return undefined
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

function pageGlobals(): string[] {
  const page = getWindow()
  return page ? Object.getOwnPropertyNames(page) : []
}

/** Deletes the window properties that a destination or its vendor added. */
function removeGlobalsAddedSince(before: ReadonlySet<string>): void {
  const page = getWindow()
  if (!page) return
  for (const name of pageGlobals()) {
    // Reflect.deleteProperty returns false for a property that cannot be
    // deleted, where the delete operator would throw in a module.
    if (!before.has(name)) Reflect.deleteProperty(page, name)
  }
}

/** Removes the tags that loaded for real, found by their `src`. */
function removeTags(urls: ReadonlySet<string>): void {
  if (urls.size === 0) return
  const doc = getDocument()
  for (const tag of Array.from(
    doc?.querySelectorAll('script[src], img[src], iframe[src]') ?? [],
  )) {
    if (urls.has(tag.getAttribute('src') ?? '')) tag.remove()
  }
}
