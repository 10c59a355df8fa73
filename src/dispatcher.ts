import type { ClickstreamDelivery } from './clickstream/types'
import {
  createDebugRecord,
  isDebugEnabled,
  logger,
  printDebugRecord,
  type DebugRecord,
} from './debug'
import { messageOf } from './errors'
import type { DestinationRunner } from './integration/destination'
import { createPluginContext } from './integration/context'
import type { Plugin } from './integration/types'
import type { SegmentEvent } from './message/types'
import { buildMetadata } from './pipeline/metadata'
import {
  checkMiddlewareResult,
  runChain,
  type SourceMiddleware,
} from './pipeline/middleware'
import { applyTrackPlan, type TrackingPlan } from './pipeline/plan'
import {
  destinationCallOptions,
  isDestinationEnabled,
  isEndpointEnabled,
} from './pipeline/routing'
import type { CDNSettings } from './settings/types'
import type { PendingJournal } from './pipeline/pending-journal'

/** Detail of a drop a middleware chose by calling `next(null)`. */
export const MIDDLEWARE_DROP = 'a source middleware dropped the event'

/** Maximum wait for plugins and source middleware on one message. */
const PREPARE_TIMEOUT_MS = 10_000

/** Maximum wait for destinations before a debug record prints anyway. */
const RECORD_WAIT_MS = 1000

export interface DispatchJob {
  message: SegmentEvent
  record: DebugRecord
  /** Settles once every destination has handled the message. */
  done: () => void
  /**
   * Set for messages adopted from a page that closed before its settings
   * arrived: they go to the endpoint only, since client-side destinations
   * on this page never saw the page they came from.
   */
  endpointOnly?: boolean
}

export interface DispatcherHooks {
  onMiddlewareDrop(message: SegmentEvent, detail: string): void
  /** Called once the message is final, before destinations receive it. */
  onRouted(message: SegmentEvent): void
}

/** Whether a plugin runs before routing and may change the message. */
const runsBefore = (plugin: Plugin) =>
  plugin.type === 'before' || plugin.type === 'enrichment'

const NOT_ENABLED = 'not sent: disabled by integrations'

/**
 * Runs built messages through plugins, middleware and routing, in call
 * order. Messages wait until `start`, once settings are known, so routing
 * always uses the final destination list.
 */
export interface Dispatcher {
  runners: DestinationRunner[]
  plugins: Plugin[]
  sourceMiddleware: SourceMiddleware[]
  endpoint: ClickstreamDelivery | undefined
  settings: CDNSettings | undefined
  plan: TrackingPlan | undefined
  bundledNames: Set<string>
  /** Keeps waiting messages in storage, so another page can send them. */
  journal: PendingJournal | undefined
  /** Releases the messages that waited for settings, in order. */
  start(): void
  /** Sends, to the endpoint only, messages that closed pages left waiting. */
  adoptOrphans(): void
  submit(job: DispatchJob): void
  /**
   * Runs `action` once every message submitted so far is in this page's
   * storage, where another page finds it if this one closes, or was
   * dropped. Before `start` it writes the journal and runs `action` at
   * once. After `start` it waits until the messages are routed, then writes
   * the endpoint's queue. If storage rejects the write, `action` never
   * runs, so a record that it would remove keeps the messages.
   */
  afterStored(action: () => void): void
  /** Resolves once no message waits in the pipeline (destinations may still work). */
  whenIdle(): Promise<void>
}

export function createDispatcher({
  onMiddlewareDrop,
  onRouted,
}: DispatcherHooks): Dispatcher {
  /** Jobs waiting for `start`, or undefined once started. */
  let pending: DispatchJob[] | undefined = []
  let chain = Promise.resolve()
  let inFlight = 0
  let idleWaiters: Array<() => void> = []

  const dispatcher: Dispatcher = {
    runners: [],
    plugins: [],
    sourceMiddleware: [],
    endpoint: undefined,
    settings: undefined,
    plan: undefined,
    bundledNames: new Set(),
    journal: undefined,

    start() {
      const waiting = pending ?? []
      pending = undefined
      for (const job of waiting) submit(job)
      // Once routed, the messages are in the endpoint's own store. The
      // journal is removed even if that store is full, because the endpoint
      // then sends them first and a journal left behind would resend them.
      const journal = dispatcher.journal
      if (journal) {
        void whenIdle().then(() => {
          dispatcher.endpoint?.persistNow()
          journal.clear()
        })
      }
    },

    adoptOrphans() {
      const journal = dispatcher.journal
      if (!journal) return
      const { records: messages, remove } = journal.adoptOrphans()
      if (messages.length > 0)
        logger.debug(
          `sending ${messages.length} calls that a closed page left waiting`,
        )
      for (const message of messages) {
        const record = createDebugRecord('replay', [message.messageId])
        submit({ message, record, done: () => {}, endpointOnly: true })
      }
      afterStored(remove)
    },

    submit,
    whenIdle,
    afterStored,
  }

  function afterStored(action: () => void): void {
    if (pending) {
      if (dispatcher.journal?.flush()) action()
      return
    }
    void whenIdle().then(() => {
      if (dispatcher.endpoint?.persistNow() ?? true) action()
    })
  }

  function submit(job: DispatchJob): void {
    if (pending) {
      // Middleware may still change or drop a message waiting here, so it is
      // not in the endpoint's store yet: the journal keeps it for other pages
      // in case this one closes before settings arrive.
      pending.push(job)
      const waiting = pending
      dispatcher.journal?.save(() => waiting.map((item) => item.message))
      return
    }
    if (
      ++inFlight === 1 &&
      dispatcher.sourceMiddleware.length === 0 &&
      !dispatcher.plugins.some(runsBefore)
    ) {
      process(job, job.message)
      return
    }
    // Middleware may be asynchronous, so later messages queue behind it to
    // keep call order. The step never rejects, so one bad message cannot
    // stall the ones after it.
    chain = chain.then(async () => process(job, await prepareWithin(job)))
  }

  function whenIdle(): Promise<void> {
    if (inFlight === 0 && !pending?.length) return Promise.resolve()
    return new Promise((resolve) => idleWaiters.push(resolve))
  }

  /** Routes a prepared message and finishes its job, whatever routing throws. */
  function process(job: DispatchJob, message: SegmentEvent | null): void {
    let deliveries: Array<Promise<void>> = []
    try {
      if (message) deliveries = route(message, job.record, job.endpointOnly)
    } catch (error) {
      onMiddlewareDrop(job.message, `routing failed: ${messageOf(error)}`)
    }
    finish(job, deliveries)
  }

  /**
   * Runs plugins and middleware for one message, giving up after
   * `PREPARE_TIMEOUT_MS`: a middleware that never calls `next` drops its
   * message with a report instead of holding every later one.
   */
  async function prepareWithin(job: DispatchJob): Promise<SegmentEvent | null> {
    let timer: ReturnType<typeof setTimeout> | undefined
    let problem: string
    try {
      // The timeout settles with the drop's detail, a string, and `prepare`
      // with a message or null.
      const result = await Promise.race([
        prepare(job.message, job.record),
        new Promise<string>((resolve) => {
          timer = setTimeout(
            resolve,
            PREPARE_TIMEOUT_MS,
            `a plugin or source middleware did not finish (call next) within ${PREPARE_TIMEOUT_MS} ms`,
          )
        }),
      ])
      if (typeof result !== 'string') return result
      problem = result
    } catch (error) {
      problem = `a plugin or source middleware failed: ${messageOf(error)}`
    } finally {
      clearTimeout(timer)
    }
    onMiddlewareDrop(job.message, problem)
    return null
  }

  function finish(job: DispatchJob, deliveries: Array<Promise<void>>): void {
    if (--inFlight === 0) {
      const waiters = idleWaiters
      idleWaiters = []
      for (const resolve of waiters) resolve()
    }
    // A destination still loading may hold its outcome for seconds, so the
    // record prints after a bound with that destination marked as waiting.
    let printed = false
    const print = () => {
      if (!printed) printDebugRecord(job.record)
      printed = true
    }
    const timer = isDebugEnabled()
      ? setTimeout(print, RECORD_WAIT_MS)
      : undefined
    const complete = () => {
      clearTimeout(timer)
      job.done()
      print()
    }
    // Callbacks never run inside the call that made them, even when every
    // destination handled it synchronously.
    if (deliveries.length === 0) queueMicrotask(complete)
    else void Promise.all(deliveries).then(complete)
  }

  async function prepare(
    message: SegmentEvent,
    record: DebugRecord,
  ): Promise<SegmentEvent | null> {
    let current = message
    for (const plugin of dispatcher.plugins.filter(runsBefore)) {
      const method = plugin[current.type]
      if (typeof method !== 'function') continue
      try {
        const context = createPluginContext(current)
        const result = (await method.call(plugin, context)) as
          { event?: SegmentEvent } | undefined
        current = result?.event ?? context.event
        record.steps.push(`plugin ${plugin.name} ran`)
      } catch (error) {
        logger.warn(
          `Plugin ${plugin.name} threw; the event goes on unchanged.`,
          error,
        )
      }
    }

    const middleware = dispatcher.sourceMiddleware
    if (middleware.length === 0) return current
    const errors: string[] = []
    const result = await runChain(
      current,
      middleware.map(
        (fn) => (payload, next) =>
          fn({ payload, integrations: payload.obj.integrations, next }),
      ),
      (error, index) =>
        errors.push(
          `source middleware #${index + 1} threw: ${messageOf(error)}`,
        ),
    )
    const problem = result ? checkMiddlewareResult(current, result) : undefined
    if (!result || problem) {
      const detail = problem ?? errors[0] ?? MIDDLEWARE_DROP
      record.steps.push(`dropped by source middleware: ${detail}`)
      onMiddlewareDrop(current, detail)
      return null
    }
    record.steps.push(`source middleware ran (${middleware.length})`)
    return result
  }

  /** Routes a final message; it is not changed after this point. */
  function route(
    message: SegmentEvent,
    record: DebugRecord,
    endpointOnly = false,
  ): Array<Promise<void>> {
    const { runners, plan, bundledNames, endpoint } = dispatcher
    if (message.type === 'track' && plan && message.event) {
      const routed = applyTrackPlan(plan, message.event, message.integrations)
      if (routed !== message.integrations)
        message = { ...message, integrations: routed }
    }

    const { integrations } = message
    const enabled = endpointOnly
      ? []
      : runners.filter((runner) =>
          isDestinationEnabled(runner.names, integrations),
        )
    const bundled = enabled
      .map((runner) => runner.name)
      .filter((name) => bundledNames.has(name))
    message = {
      ...message,
      _metadata: buildMetadata(bundled, bundledNames, dispatcher.settings),
    }
    record.message = message
    onRouted(message)

    const outcomes = record.destinations
    const deliveries: Array<Promise<void>> = []
    for (const runner of runners) {
      const { name } = runner
      if (!enabled.includes(runner)) {
        outcomes[name] = endpointOnly
          ? 'not sent: replayed from a page that closed'
          : NOT_ENABLED
        continue
      }
      const outcome = runner.deliver(
        message,
        destinationCallOptions(runner.names, integrations),
      )
      if (typeof outcome === 'string') outcomes[name] = outcome
      else {
        deliveries.push(
          outcome.then((settled) => {
            outcomes[name] = settled
          }),
        )
      }
    }

    if (!isEndpointEnabled(integrations)) outcomes.Clickstream = NOT_ENABLED
    else if (endpoint) {
      endpoint.enqueue(message)
      outcomes.Clickstream = 'stored and queued for sending'
    }

    for (const plugin of dispatcher.plugins) {
      const method = plugin.type === 'after' && plugin[message.type]
      if (typeof method !== 'function') continue
      // A synchronous throw and a rejected promise are both kept here.
      Promise.resolve()
        .then(() => method.call(plugin, createPluginContext(message)))
        .catch((error: unknown) =>
          logger.warn(`Plugin ${plugin.name} threw after delivery.`, error),
        )
    }
    return deliveries
  }

  return dispatcher
}
