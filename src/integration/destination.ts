import type { Logger } from '../debug'
import { DestinationError, messageOf, type DropReason } from '../errors'
import type { EventType, JSONObject, SegmentEvent } from '../message/types'
import { runChain, type DestinationMiddleware } from '../pipeline/middleware'
import { createPluginContext } from './context'
import type { DestinationStatus, Plugin, PluginMethod } from './types'

/** Calls kept for a destination that is still loading or timed out. */
export const MAX_BUFFERED_CALLS = 1000

export interface DestinationHooks {
  log: Logger
  onStatus(name: string, status: DestinationStatus): void
  onDropped(notice: {
    reason: DropReason
    destination: string
    event: SegmentEvent
    detail?: string
  }): void
  /** The instance handed to `plugin.load`, as analytics-next passes it. */
  analytics: unknown
  middleware(): DestinationMiddleware[]
}

interface BufferedCall {
  message: SegmentEvent
  callOptions?: JSONObject
  done: (outcome: string) => void
}

/**
 * Runs one destination: loads it within a timeout, keeps its status, buffers
 * calls until it is ready, and keeps its errors inside its boundary.
 */
export class DestinationRunner {
  status: DestinationStatus = 'loading'
  readonly names: readonly string[]
  private buffer: BufferedCall[] = []
  private reportedErrors = new Set<string>()

  constructor(
    readonly plugin: Plugin,
    private readonly hooks: DestinationHooks,
  ) {
    this.names = [plugin.name, ...(plugin.alternativeNames ?? [])]
  }

  get name(): string {
    return this.plugin.name
  }

  /**
   * Loads the plugin. Settles (never rejects) once it loaded, failed or
   * `timeoutMs` passed; a late load still releases the buffered calls.
   */
  load(timeoutMs: number): Promise<void> {
    const loading = this.startLoad()
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.status === 'loading') this.setStatus('timed-out')
        resolve()
      }, timeoutMs)
      void loading.then(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  private async startLoad(): Promise<void> {
    try {
      const context = createPluginContext(placeholderEvent())
      await this.plugin.load(context, this.hooks.analytics)
      this.setStatus('ready')
      this.release()
    } catch (error) {
      this.setStatus('failed')
      const text = `${this.name} failed to load and will receive no calls: ${messageOf(error)}`
      // Invalid options are the site's to fix; a blocked vendor script is
      // routine (ad blockers), so it shows in debug mode only.
      if (error instanceof DestinationError)
        this.hooks.log.misuse(`destination-load:${this.name}`, text)
      else this.hooks.log.warn(text)
      this.dropBuffer('destination_failed', messageOf(error))
    }
  }

  private setStatus(status: DestinationStatus): void {
    this.status = status
    this.hooks.onStatus(this.name, status)
  }

  /**
   * Hands a message to the destination, or buffers it while loading. Returns
   * the outcome shown in the debug record: at once when the destination
   * handled the call synchronously, else a promise of it. Most calls take
   * the synchronous path, which saves a chain of promises per destination.
   */
  deliver(
    message: SegmentEvent,
    callOptions?: JSONObject,
  ): string | Promise<string> {
    if (this.status === 'failed') {
      this.hooks.onDropped({
        reason: 'destination_failed',
        destination: this.name,
        event: message,
        detail: `${this.name} failed to load`,
      })
      return 'not sent: destination failed to load'
    }
    if (this.status === 'ready') return this.send(message, callOptions)

    if (this.buffer.length >= MAX_BUFFERED_CALLS) {
      this.hooks.onDropped({
        reason: 'buffer_full',
        destination: this.name,
        event: message,
        detail: `more than ${MAX_BUFFERED_CALLS} calls waited for ${this.name} to load`,
      })
      return 'dropped: buffer full while loading'
    }
    return new Promise((resolve) => {
      this.buffer.push({ message, callOptions, done: resolve })
    })
  }

  private release(): void {
    const waiting = this.buffer
    this.buffer = []
    for (const call of waiting) {
      const outcome = this.send(call.message, call.callOptions)
      if (typeof outcome === 'string') call.done(outcome)
      else void outcome.then(call.done)
    }
  }

  private dropBuffer(reason: DropReason, detail: string): void {
    const waiting = this.buffer
    this.buffer = []
    for (const call of waiting) {
      this.hooks.onDropped({
        reason,
        destination: this.name,
        event: call.message,
        detail,
      })
      call.done(`not sent: ${detail}`)
    }
  }

  private send(
    message: SegmentEvent,
    callOptions?: JSONObject,
  ): string | Promise<string> {
    const method = this.plugin[message.type as EventType]
    if (typeof method !== 'function')
      return `not sent: ${this.name} has no ${message.type} method`

    const chain = this.hooks.middleware()
    if (chain.length === 0) return this.call(method, message, callOptions)

    return runChain(
      message,
      chain.map(
        (middleware) => (payload, next) =>
          middleware({ payload, integration: this.name, next }),
      ),
      (error) => this.report('middleware', error),
    ).then((event) =>
      event
        ? this.call(method, event, callOptions, message)
        : 'not sent: dropped by destination middleware',
    )
  }

  /**
   * Runs the destination's method. A synchronous result or throw is handled
   * at once. A promise is awaited. `original` is the message before
   * destination middleware, which a drop report carries.
   */
  private call(
    method: PluginMethod,
    event: SegmentEvent,
    callOptions: JSONObject | undefined,
    original = event,
  ): string | Promise<string> {
    let result: unknown
    try {
      result = method.call(this.plugin, createPluginContext(event, callOptions))
    } catch (error) {
      return this.fail(original, error)
    }
    if (!isThenable(result)) return outcomeOf(result)
    return Promise.resolve(result).then(outcomeOf, (error: unknown) =>
      this.fail(original, error),
    )
  }

  private fail(message: SegmentEvent, error: unknown): string {
    this.report(message.type, error)
    this.hooks.onDropped({
      reason: 'destination_error',
      destination: this.name,
      event: message,
      detail: `${this.name} threw: ${messageOf(error)}`,
    })
    return `failed: ${messageOf(error)}`
  }

  private report(scope: string, error: unknown): void {
    const key = `${this.name}:${scope}`
    if (this.reportedErrors.has(key)) {
      this.hooks.log.warn(`${this.name} threw again in ${scope}`, error)
      return
    }
    this.reportedErrors.add(key)
    this.hooks.log.misuse(
      `destination-error:${key}`,
      `${this.name} threw while handling ${scope}; other destinations are not affected: ${messageOf(error)}`,
      error,
    )
  }
}

/** Reads the outcome a destination returned; it may name one, e.g. that it mapped nothing. */
function outcomeOf(result: unknown): string {
  return typeof result === 'string' ? result : 'sent'
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

function placeholderEvent(): SegmentEvent {
  return {
    type: 'track',
    event: 'load',
    messageId: 'load',
    timestamp: new Date(0).toISOString(),
    anonymousId: '',
    context: { library: { name: '', version: '' } },
    integrations: {},
  }
}
