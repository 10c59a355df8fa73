import type { Logger } from '../debug'
import { DestinationError, type DropReason } from '../errors'
import type { EventType, JSONObject, SegmentEvent } from '../message/types'
import { runChain, type DestinationMiddleware } from '../pipeline/middleware'
import { createPluginContext } from './context'
import type { DestinationStatus, Plugin } from './types'

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
   * Hands a message to the destination, or buffers it while loading. The
   * returned promise settles with the outcome shown in the debug record.
   */
  deliver(message: SegmentEvent, callOptions?: JSONObject): Promise<string> {
    if (this.status === 'failed') {
      this.hooks.onDropped({
        reason: 'destination_failed',
        destination: this.name,
        event: message,
        detail: `${this.name} failed to load`,
      })
      return Promise.resolve('not sent: destination failed to load')
    }
    if (this.status === 'ready') return this.send(message, callOptions)

    return new Promise((resolve) => {
      if (this.buffer.length >= MAX_BUFFERED_CALLS) {
        this.hooks.onDropped({
          reason: 'buffer_full',
          destination: this.name,
          event: message,
          detail: `more than ${MAX_BUFFERED_CALLS} calls waited for ${this.name} to load`,
        })
        resolve('dropped: buffer full while loading')
        return
      }
      this.buffer.push({ message, callOptions, done: resolve })
    })
  }

  private release(): void {
    const waiting = this.buffer
    this.buffer = []
    for (const call of waiting) {
      void this.send(call.message, call.callOptions).then(call.done)
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

  private async send(
    message: SegmentEvent,
    callOptions?: JSONObject,
  ): Promise<string> {
    const method = this.plugin[message.type as EventType]
    if (typeof method !== 'function')
      return `not sent: ${this.name} has no ${message.type} method`

    const chain = this.hooks.middleware()
    let event: SegmentEvent | null = message
    if (chain.length > 0) {
      event = await runChain(
        message,
        chain.map(
          (middleware) => (payload, next) =>
            middleware({ payload, integration: this.name, next }),
        ),
        (error) => this.report('middleware', error),
      )
      if (!event) return 'not sent: dropped by destination middleware'
    }

    try {
      const result: unknown = await method.call(
        this.plugin,
        createPluginContext(event, callOptions),
      )
      // A destination may name its own outcome, e.g. that it mapped nothing.
      return typeof result === 'string' ? result : 'sent'
    } catch (error) {
      this.report(message.type, error)
      this.hooks.onDropped({
        reason: 'destination_error',
        destination: this.name,
        event: message,
        detail: `${this.name} threw: ${messageOf(error)}`,
      })
      return `failed: ${messageOf(error)}`
    }
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
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
