import type { DropReason } from '../errors'
import { admitEvent } from './admission'
import { fitBudget, planRequests } from './batcher'
import { resolveDeliveryConfig } from './config'
import { findSettingsProblems } from './settings-check'
import { isOffline, watchOnline } from './connectivity'
import { decideOutcome, rescheduleEntry, type Decision } from './outcome'
import { createNotifier, type DropDetails } from './notifier'
import { createEventQueue, type QueueEntry } from './queue'
import { createOwnership } from './ownership'
import {
  createQueueStore,
  listStoredQueues,
  readStoredQueue,
  removeStoredQueue,
} from './queue-store'
import {
  createTransport,
  type PendingRequest,
  type SendResult,
} from './transport'
import type {
  ClickstreamDelivery,
  ClickstreamSettings,
  DeliveryHooks,
} from './types'
import { createRequestBuilder } from './requests'
import { restoreQueue } from './restore'
import { watchPageExit } from './unload'
import { KEEPALIVE_BUDGET_BYTES, MAX_BATCH_BYTES } from './wire'
import { uuid } from '../message/uuid'

/**
 * Max requests in flight outside a page exit. Browsers commonly open at most
 * six HTTP/1.1 connections per host, so more would only wait in line.
 */
const MAX_IN_FLIGHT = 6

/**
 * Max queued events. The oldest is dropped beyond it, so memory stays
 * bounded in a long outage (an estimated 5 to 10 MB at this count). A page
 * that tracks 10,000 events in bursts as fast as the main thread allows,
 * which the benchmark does, stays under it while the collector keeps up.
 */
export const MAX_QUEUED_EVENTS = 10_000

/** Delay of a write that only removes or updates stored events. */
const LAZY_WRITE_MS = 1000

/**
 * Creates the delivery engine of the first-party destination. Each event is
 * stored before its first send and removed after a 2xx or a drop. Events
 * stored by pages that are gone, earlier loads of this one included, are
 * sent again with their original ids, by one page at a time.
 */
export function createClickstreamDelivery(
  writeKey: string,
  settings: ClickstreamSettings,
  hooks: DeliveryHooks,
): ClickstreamDelivery {
  let config = resolveDeliveryConfig(writeKey, settings)
  reportSettingsProblems(settings, hooks)
  const { logger } = hooks
  const ownerId = uuid()
  const store = createQueueStore(writeKey, logger, ownerId)
  let transport = config.endpoint ? createTransport() : undefined
  const queue = createEventQueue()
  /** Requests in flight, each with whether it was sent with keepalive. */
  const pending = new Map<PendingRequest, boolean>()
  const flushWaiters: Array<() => void> = []
  const notify = createNotifier(hooks)
  let requests = createRequestBuilder(config)

  let pumpScheduled = false
  let wakeTimer: ReturnType<typeof setTimeout> | undefined
  let wakeAt: number | undefined
  let storageFull = false
  let disposed = false
  /**
   * True while a change waits that must reach storage at once: a new event
   * (write-ahead), or a retry's count or schedule, which the next page load
   * honours.
   */
  let urgentChanges = false
  let lazyWriteTimer: ReturnType<typeof setTimeout> | undefined
  /**
   * No request starts before this time. A rate-limited response pauses the
   * whole queue, not only its own events, because every request goes to the
   * same collector and would be limited too.
   */
  let pausedUntil = 0

  if (!config.endpoint) {
    logger.debug('no apiHost: events stay stored until settings name one')
  } else if (!transport) {
    logger.debug('no browser fetch: events stay stored')
  }

  function canSend(): boolean {
    return transport !== undefined && !isOffline()
  }

  function schedulePump(): void {
    if (pumpScheduled || disposed) return
    pumpScheduled = true
    // One pump per task: every change made in this task shares one storage write.
    queueMicrotask(pump)
  }

  function removeEntry(entry: QueueEntry): void {
    queue.delete(entry)
    store.remove(entry.record.event.messageId)
  }

  function dropEntry(
    entry: QueueEntry,
    reason: DropReason,
    details?: DropDetails,
  ): void {
    removeEntry(entry)
    notify.dropped(entry.record.event, reason, details)
  }

  /** Drops the oldest idle events until one more fits under the cap. */
  function makeRoom(): void {
    if (queue.size < MAX_QUEUED_EVENTS) return
    for (const entry of queue.entries()) {
      if (queue.size < MAX_QUEUED_EVENTS) return
      if (!entry.inFlight) {
        dropEntry(entry, 'buffer_full', {
          detail: `more than ${MAX_QUEUED_EVENTS} events queued`,
        })
      }
    }
  }

  /**
   * Takes over the events stored under `key` by a page that is gone. Drops
   * are reported after creation returns.
   */
  function adoptFrom(key: string): void {
    if (disposed) return
    const orphans = readStoredQueue(key).filter(
      (record) => !queue.has(record.event.messageId),
    )
    // Removed before the write below, which then has the space they took.
    removeStoredQueue(key)
    if (orphans.length === 0) return

    const { entries, drops } = restoreQueue(orphans, config, Date.now())
    for (const entry of entries) {
      queue.add(entry)
      store.put(entry.record)
    }
    store.write()
    logger.debug(`adopted ${entries.length} stored events`)
    queueMicrotask(() => {
      for (const { event, reason, detail } of drops) {
        notify.dropped(event, reason, { detail })
      }
      makeRoom()
      schedulePump()
    })
  }

  /** Claims the queues of other pages, which succeeds once those are gone. */
  function lookForOrphans(): void {
    if (disposed || !store.persistent) return
    for (const { key, owner } of listStoredQueues(writeKey)) {
      if (owner !== ownerId) ownership.claim(owner, () => adoptFrom(key))
    }
  }

  function startAttempt(entry: QueueEntry): void {
    entry.inFlight = true
    entry.record.attempts += 1
    delete entry.record.retryAt
    store.put(entry.record)
    // A retry's count is stored at once, so reloads cannot stretch the retry
    // budget. Losing a first attempt's count costs at most one extra send.
    if (entry.record.attempts > 1) urgentChanges = true
  }

  function applyDecision(
    entry: QueueEntry,
    decision: Decision,
    now: number,
  ): void {
    const { record } = entry
    switch (decision.action) {
      case 'deliver':
        removeEntry(entry)
        notify.delivered(record.event)
        return
      case 'drop': {
        const { reason, status, detail } = decision
        dropEntry(entry, reason, { status, detail })
        return
      }
      case 'retry':
        logger.debug(
          `retrying ${record.event.messageId} in ${decision.waitMs} ms`,
        )
        rescheduleEntry(entry, decision, now)
        break
      default:
        rescheduleEntry(entry, decision, now)
    }
    store.put(record)
    urgentChanges = true
  }

  function settle(group: QueueEntry[], result: SendResult): void {
    const now = Date.now()
    const context = {
      config,
      requestSize: group.length,
      offline: isOffline(),
      now,
    }
    for (const entry of group) {
      entry.inFlight = false
      // An entry evicted or dropped while in flight has no fate left to decide.
      if (!queue.has(entry.record.event.messageId)) continue
      const decision = decideOutcome(result, entry.record, context)
      if (decision.action === 'retry' && decision.rateLimited) {
        pauseUntil(now + decision.waitMs)
      }
      applyDecision(entry, decision, now)
    }
  }

  function dispatch(group: QueueEntry[], keepalive: boolean): void {
    if (!transport) return
    const { url, body } = requests.build(group, new Date().toISOString())
    const request = transport.send(url, body, {
      timeoutMs: config.requestTimeoutMs,
      keepalive,
    })
    pending.set(request, keepalive)
    logger.debug(`sending ${group.length} event(s) to ${url}`)

    void request.result.then((result) => {
      pending.delete(request)
      if (disposed) return
      if (result.kind === 'network_error') {
        logger.debug(`request to ${url} failed`, result.detail)
      }
      settle(group, result)
      schedulePump()
    })
  }

  /** Evicts the oldest idle events, reported as `storage_full`, until the queue fits. */
  function evictUntilWritten(): void {
    for (const entry of queue.entries()) {
      if (entry.inFlight) continue
      dropEntry(entry, 'storage_full', {
        detail: 'localStorage quota exceeded',
      })
      if (store.write() !== 'quota_exceeded') {
        storageFull = false
        return
      }
    }
  }

  /**
   * Writes pending changes. When storage is full, sending comes first: the
   * next pump forces partial batches out, and events that do not fit stay
   * in memory, written once deliveries free space. Eviction keeps the newest
   * events stored at the cost of the oldest, which helps only when a later
   * page load is their one way out: without an endpoint, or offline.
   */
  function persist(sending: boolean, force = false): void {
    if (!store.hasPendingChanges()) return
    // Removals and attempt counters may wait a moment: lost, they cost a
    // duplicate send, which delivery allows anyway, and waiting saves
    // rewriting the whole queue on every response.
    if (!force && !urgentChanges) {
      lazyWriteTimer ??= setTimeout(() => {
        lazyWriteTimer = undefined
        if (!disposed) persist(false, true)
      }, LAZY_WRITE_MS)
      return
    }
    if (lazyWriteTimer !== undefined) clearTimeout(lazyWriteTimer)
    lazyWriteTimer = undefined
    const outcome = store.write()
    if (outcome === 'written') urgentChanges = false
    if (outcome !== 'quota_exceeded') {
      storageFull = false
      return
    }
    if (!storageFull) logger.debug('localStorage is full: sending first')
    storageFull = true

    if (sending || pending.size > 0) return
    if (!canSend()) evictUntilWritten()
    else if (queue.sendable(Date.now()).length > 0) schedulePump()
  }

  function pauseUntil(time: number): void {
    if (time <= pausedUntil) return
    pausedUntil = time
    logger.debug(
      `rate limited: no request before ${new Date(time).toISOString()}`,
    )
  }

  function takeRequests(now: number, force: boolean): QueueEntry[][] {
    if (now < pausedUntil) return []
    const groups = planRequests(queue.sendable(now), {
      batching: config.batching,
      batchSize: config.batchSize,
      maxBodyBytes: MAX_BATCH_BYTES,
      envelopeBytes: requests.envelopeBytes,
      now,
      force,
      maxRequests: MAX_IN_FLIGHT - pending.size,
    })
    for (const group of groups) group.forEach(startAttempt)
    return groups
  }

  function armWakeTimer(now: number): void {
    const due = canSend() ? queue.nextWakeAt(now) : undefined
    let next = due === undefined ? undefined : Math.max(due, pausedUntil)
    // Events that were due during a pause wake the pump when it ends.
    if (canSend() && now < pausedUntil && queue.size > 0) {
      next = Math.max(next ?? pausedUntil, pausedUntil)
    }
    if (next === wakeAt) return
    if (wakeTimer !== undefined) clearTimeout(wakeTimer)
    wakeTimer = undefined
    wakeAt = next
    if (next === undefined) return
    wakeTimer = setTimeout(() => {
      wakeTimer = undefined
      wakeAt = undefined
      pump()
    }, next - now)
  }

  function settleFlushWaiters(now: number): void {
    if (flushWaiters.length === 0 || pending.size > 0) return
    // While rate limited, what is left waits in storage, as after a retry.
    if (canSend() && now >= pausedUntil && queue.sendable(now).length > 0) {
      return
    }
    persist(false, true)
    for (const resolve of flushWaiters.splice(0)) resolve()
  }

  function pump(): void {
    pumpScheduled = false
    if (disposed) return
    const now = Date.now()
    const force = flushWaiters.length > 0 || storageFull
    const groups = canSend() ? takeRequests(now, force) : []

    persist(groups.length > 0)
    for (const group of groups) dispatch(group, false)
    armWakeTimer(now)
    settleFlushWaiters(now)
  }

  /** Returns whether the browser took the beacon. */
  function sendByBeacon(group: QueueEntry[], now: number): boolean {
    const { url, body } = requests.build(group, new Date(now).toISOString())
    if (!transport?.beacon(url, body)) return false
    // A beacon returns no response. If the page lives on, the events go out
    // again after a request timeout, and the collector drops the duplicate
    // messageId.
    for (const entry of group) {
      entry.notBefore = now + config.requestTimeoutMs
      entry.sendBy = entry.notBefore
    }
    return true
  }

  /**
   * Reports the events that a closing page can neither send nor store. With
   * storage unavailable or full, what missed the keepalive budget dies with
   * the page. A beacon is tried first, though browsers may count it against
   * the same in-flight budget and refuse it.
   */
  function dropUnsavedAtExit(now: number, sent: Set<QueueEntry>): void {
    const unsaved = queue
      .entries()
      .filter(
        (entry) =>
          !entry.inFlight &&
          !sent.has(entry) &&
          store.isUnwritten(entry.record.event.messageId),
      )
    if (unsaved.length === 0) return

    const storage = store.persistent
      ? 'with localStorage full'
      : 'without localStorage'
    const sending = canSend()
      ? 'and no keepalive request or beacon could take the event'
      : 'while it could not send (offline, or no apiHost)'
    const detail = `the page closed ${storage} ${sending}`
    for (const entry of unsaved) {
      if (canSend() && sendByBeacon([entry], now)) continue
      dropEntry(entry, 'page_closed', { detail })
    }
  }

  /** Sends what is ready within the keepalive budget. Events stay stored until acknowledged. */
  function onPageExit(final: boolean): void {
    if (disposed) return
    const now = Date.now()
    const beaconed = new Set<QueueEntry>()
    // While rate limited, stored events wait for a later page. Events that
    // only live in memory go anyway, since the page may be gone after this.
    const paused = now < pausedUntil && store.persistent && !storageFull
    const groups =
      canSend() && !paused
        ? planRequests(queue.sendable(now), {
            batching: config.batching,
            batchSize: config.batchSize,
            maxBodyBytes: KEEPALIVE_BUDGET_BYTES,
            envelopeBytes: requests.envelopeBytes,
            now,
            force: true,
            maxRequests: Infinity,
          })
        : []

    const chosen = fitBudget(
      groups,
      (group) => requests.bodyBytes(group),
      KEEPALIVE_BUDGET_BYTES,
    )

    if (transport?.supportsKeepalive) {
      for (const group of chosen) group.forEach(startAttempt)
      persist(chosen.length > 0, true)
      for (const group of chosen) dispatch(group, true)
    } else {
      persist(false, true)
      for (const group of chosen) {
        if (sendByBeacon(group, now))
          group.forEach((entry) => beaconed.add(entry))
      }
    }
    if (final) dropUnsavedAtExit(now, beaconed)
    armWakeTimer(now)
  }

  const stopWatchingExit = watchPageExit(onPageExit)
  const stopWatchingOnline = watchOnline(() => {
    logger.debug('back online')
    schedulePump()
  })
  const ownership = createOwnership(writeKey, ownerId, store.persistent, {
    logger,
    onCheck: lookForOrphans,
  })
  lookForOrphans()

  return {
    enqueue(event) {
      if (disposed) {
        notify.dropped(event, 'disabled', { detail: 'delivery was disposed' })
        return
      }
      if (queue.has(event.messageId)) {
        logger.debug('event already queued, ignored', event.messageId)
        return
      }
      const now = Date.now()
      const sendBy = config.batching ? now + config.batchTimeoutMs : now
      const admission = admitEvent(event, undefined, sendBy)
      if (!admission.accepted) {
        const { reason, detail } = admission
        notify.dropped(event, reason, { detail })
        return
      }
      makeRoom()
      queue.add(admission.entry)
      store.put(admission.entry.record)
      urgentChanges = true
      schedulePump()
    },

    configure(next) {
      if (disposed) return
      config = resolveDeliveryConfig(writeKey, next)
      reportSettingsProblems(next, hooks)
      requests = createRequestBuilder(config)
      transport = config.endpoint ? (transport ?? createTransport()) : undefined
      if (!config.endpoint)
        logger.debug('no apiHost: events stay stored until settings name one')
      schedulePump()
    },

    flush() {
      if (disposed) return Promise.resolve()
      return new Promise<void>((resolve) => {
        flushWaiters.push(resolve)
        schedulePump()
      })
    },

    dispose() {
      if (disposed) return
      if (store.hasPendingChanges()) store.write()
      store.handOver()
      disposed = true
      if (wakeTimer !== undefined) clearTimeout(wakeTimer)
      if (lazyWriteTimer !== undefined) clearTimeout(lazyWriteTimer)
      stopWatchingExit()
      stopWatchingOnline()
      ownership.dispose()
      // Keepalive requests are meant to outlive the page, so they go on.
      for (const [request, keepalive] of pending) {
        if (!keepalive) request.abort()
      }
      pending.clear()
      for (const resolve of flushWaiters.splice(0)) resolve()
    },
  }
}

/** Reports invalid endpoint settings once each; the engine clamps them. */
function reportSettingsProblems(
  settings: ClickstreamSettings,
  hooks: DeliveryHooks,
): void {
  for (const problem of findSettingsProblems(settings)) {
    hooks.logger.misuse(
      `endpoint-setting:${problem}`,
      `Clickstream endpoint settings: ${problem}; the nearest valid value (or the default) is used instead.`,
    )
  }
}
