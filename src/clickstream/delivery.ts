import type { DropReason } from '../errors'
import { uuid } from '../message/uuid'
import { admitEvent } from './admission'
import { fitBudget, planRequests } from './batcher'
import { resolveDeliveryConfig, type DeliveryConfig } from './config'
import { decideOutcome, rescheduleEntry } from './outcome'
import { createOwnership } from './ownership'
import { isOffline, watchPage } from './page-events'
import {
  nextWakeAt,
  sendableEntries,
  type EventQueue,
  type QueueEntry,
} from './queue'
import {
  createQueueStore,
  listStoredQueues,
  takeStoredQueuesOf,
} from './queue-store'
import { restoreQueue } from './restore'
import {
  createTransport,
  type AbortRequest,
  type SendResult,
  type Transport,
} from './transport'
import type {
  ClickstreamDelivery,
  ClickstreamSettings,
  DeliveryHooks,
  DropNotice,
} from './types'
import {
  batchEnvelopeBytes,
  buildRequest,
  KEEPALIVE_BUDGET_BYTES,
  MAX_BATCH_BYTES,
  requestBytes,
} from './wire'

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
  const { logger } = hooks
  const ownerId = uuid()
  const store = createQueueStore(writeKey, logger, ownerId)
  const queue: EventQueue = new Map()
  /** Aborts of the requests in flight. */
  const pending = new Set<AbortRequest>()
  const flushWaiters: Array<() => void> = []
  let config: DeliveryConfig
  let transport: Transport | undefined

  let pumpScheduled = false
  let wakeTimer: ReturnType<typeof setTimeout> | undefined
  let wakeAt = Infinity
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

  /** Applies settings. Invalid ones are reported once each, then clamped. */
  function applySettings(next: ClickstreamSettings): void {
    config = resolveDeliveryConfig(writeKey, next)
    for (const problem of config.problems) {
      logger.misuse(
        `endpoint-setting:${problem}`,
        `Clickstream endpoint settings: ${problem}; the nearest valid value (or the default) is used instead.`,
      )
    }
    transport = config.endpoint ? transport || createTransport() : undefined
    if (!transport) {
      logger.debug('no apiHost or no browser fetch: events stay stored')
    }
  }

  function canSend(): boolean {
    return transport !== undefined && !isOffline()
  }

  function callHook(name: string, call: () => void): void {
    try {
      call()
    } catch (error) {
      logger.debug(`${name} hook failed`, error)
    }
  }

  function reportDrop(drop: Omit<DropNotice, 'messageId'>): void {
    // The hook's owner logs the drop, so the debug log shows it once.
    const notice = { ...drop, messageId: drop.event.messageId }
    callHook('onDropped', () => hooks.onDropped(notice))
  }

  function schedulePump(): void {
    if (pumpScheduled || disposed) return
    pumpScheduled = true
    // One pump per task: every change made in this task shares one storage write.
    queueMicrotask(pump)
  }

  function removeEntry(entry: QueueEntry): void {
    const id = entry.event.messageId
    queue.delete(id)
    store.remove(id)
  }

  function dropEntry(
    entry: QueueEntry,
    reason: DropReason,
    detail?: string,
    status?: number,
  ): void {
    removeEntry(entry)
    reportDrop({ event: entry.event, reason, detail, status })
  }

  /** Drops the oldest idle events until one more fits under the cap. */
  function makeRoom(): void {
    // Map iteration allows deleting the current entry.
    for (const entry of queue.values()) {
      if (queue.size < MAX_QUEUED_EVENTS) return
      if (!entry.inFlight) {
        dropEntry(
          entry,
          'buffer_full',
          `more than ${MAX_QUEUED_EVENTS} events queued`,
        )
      }
    }
  }

  /**
   * Takes over the events stored by `owner`, a page that is gone. Drops
   * are reported after creation returns.
   */
  function adoptFrom(owner: string | undefined): void {
    if (disposed) return
    const otherQueue = takeStoredQueuesOf(writeKey, owner)
    const orphans = otherQueue.records.filter(
      (record) => !queue.has(record.event.messageId),
    )
    if (orphans.length === 0) {
      otherQueue.remove()
      return
    }

    const { entries, drops } = restoreQueue(orphans, config, Date.now())
    for (const entry of entries) {
      queue.set(entry.event.messageId, entry)
      store.put(entry)
    }
    // The events are written under this page's keys before the other page's
    // keys are removed, so a page that dies in between leaves them stored
    // twice rather than lost. A write that storage rejected as full is tried
    // again once the other keys have freed their space.
    const outcome = store.write()
    otherQueue.remove()
    if (outcome === 'quota_exceeded') store.write()
    logger.debug(`adopted ${entries.length} stored events`)
    queueMicrotask(() => {
      drops.forEach(reportDrop)
      makeRoom()
      schedulePump()
    })
  }

  /** Claims the queues of other pages, which succeeds once those are gone. */
  function lookForOrphans(): void {
    if (disposed || !store.persistent) return
    const owners = new Set(listStoredQueues(writeKey).map(({ owner }) => owner))
    for (const owner of owners) {
      if (owner !== ownerId) ownership.claim(owner, () => adoptFrom(owner))
    }
  }

  function startAttempt(entry: QueueEntry): void {
    entry.inFlight = true
    entry.attempts += 1
    delete entry.retryAt
    store.put(entry)
    // A retry's count is stored at once, so reloads cannot stretch the retry
    // budget. Losing a first attempt's count costs at most one extra send.
    if (entry.attempts > 1) urgentChanges = true
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
      const { event } = entry
      entry.inFlight = false
      // An entry evicted or dropped while in flight has no fate left to decide.
      if (!queue.has(event.messageId)) continue
      const decision = decideOutcome(result, entry, context)
      if (decision.action === 'deliver') {
        removeEntry(entry)
        logger.debug('delivered', event.messageId)
        callHook('onDelivered', () => hooks.onDelivered(event))
      } else if (decision.action === 'drop') {
        const { reason, detail, status } = decision
        dropEntry(entry, reason, detail, status)
      } else {
        if (decision.action === 'retry') {
          const retryAt = now + decision.waitMs
          if (decision.rateLimited && retryAt > pausedUntil) {
            pausedUntil = retryAt
            const until = new Date(retryAt).toISOString()
            logger.debug(`rate limited: no request before ${until}`)
          }
          logger.debug(`retrying ${event.messageId} in ${decision.waitMs} ms`)
        }
        rescheduleEntry(entry, decision, now)
        store.put(entry)
        urgentChanges = true
      }
    }
  }

  function dispatch(group: QueueEntry[], keepalive: boolean): void {
    const [url, body] = buildRequest(config, group, new Date().toISOString())
    logger.debug(`sending ${group.length} event(s) to ${url}`)
    const abort = transport!.send(
      url,
      body,
      config.requestTimeoutMs,
      keepalive,
      (result) => {
        pending.delete(abort)
        if (disposed) return
        if (result.kind === 'network_error') {
          logger.debug(`request to ${url} failed`, result.detail)
        }
        settle(group, result)
        schedulePump()
      },
    )
    pending.add(abort)
  }

  /** Starts and sends the requests of `groups`, storing their attempts first. */
  function sendRequests(
    groups: QueueEntry[][],
    keepalive: boolean,
    force?: boolean,
  ): void {
    for (const group of groups) group.forEach(startAttempt)
    persist(groups.length > 0, force)
    for (const group of groups) dispatch(group, keepalive)
  }

  /**
   * Writes pending changes. When storage is full, sending comes first: the
   * next pump forces partial batches out, and events that do not fit stay
   * in memory, written once deliveries free space. Eviction keeps the newest
   * events stored at the cost of the oldest, which helps only when a later
   * page load is their one way out: without an endpoint, or offline.
   */
  function persist(sending: boolean, force?: boolean): void {
    if (!store.hasPendingChanges()) return
    // Removals and attempt counters may wait a moment: lost, they cost a
    // duplicate send, which delivery allows anyway, and waiting saves
    // rewriting the whole queue on every response.
    if (!force && !urgentChanges) {
      // Dispose clears the timer, so it never fires after.
      lazyWriteTimer ??= setTimeout(() => {
        lazyWriteTimer = undefined
        persist(false, true)
      }, LAZY_WRITE_MS)
      return
    }
    clearTimeout(lazyWriteTimer)
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
    if (canSend()) {
      if (sendableEntries(queue, Date.now()).length > 0) schedulePump()
      return
    }
    // Evicts the oldest idle events until the queue fits.
    for (const entry of queue.values()) {
      if (entry.inFlight) continue
      dropEntry(entry, 'storage_full', 'localStorage quota exceeded')
      if (store.write() !== 'quota_exceeded') {
        storageFull = false
        return
      }
    }
  }

  /** Groups the sendable events into requests, oldest first. */
  function plan(
    now: number,
    force: boolean,
    maxBodyBytes: number,
    maxRequests: number,
  ): QueueEntry[][] {
    // The config supplies `batching` and `batchSize`.
    return planRequests(sendableEntries(queue, now), {
      ...config,
      maxBodyBytes,
      envelopeBytes: batchEnvelopeBytes(config.authKey),
      now,
      force,
      maxRequests,
    })
  }

  function armWakeTimer(now: number): void {
    // Events that were due during a pause wake the pump when it ends.
    const next = canSend() ? nextWakeAt(queue, now, pausedUntil) : Infinity
    if (next === wakeAt) return
    clearTimeout(wakeTimer)
    wakeAt = next
    if (next < Infinity) {
      wakeTimer = setTimeout(() => {
        wakeAt = Infinity
        pump()
      }, next - now)
    }
  }

  function pump(): void {
    pumpScheduled = false
    if (disposed) return
    const now = Date.now()
    const force = flushWaiters.length > 0 || storageFull
    const groups =
      canSend() && now >= pausedUntil
        ? plan(now, force, MAX_BATCH_BYTES, MAX_IN_FLIGHT - pending.size)
        : []
    sendRequests(groups, false)
    armWakeTimer(now)

    if (flushWaiters.length === 0 || pending.size > 0) return
    // While rate limited, what is left waits in storage, as after a retry.
    if (canSend() && now >= pausedUntil && sendableEntries(queue, now).length) {
      return
    }
    persist(false, true)
    for (const resolve of flushWaiters.splice(0)) resolve()
  }

  /** Returns whether the browser took the beacon. */
  function sendByBeacon(group: QueueEntry[], now: number): boolean {
    const [url, body] = buildRequest(config, group, new Date(now).toISOString())
    if (!transport!.beacon(url, body)) return false
    // A beacon returns no response. If the page lives on, the events go out
    // again after a request timeout, and the collector drops the duplicate
    // messageId.
    for (const entry of group) {
      entry.notBefore = entry.sendBy = now + config.requestTimeoutMs
    }
    return true
  }

  /**
   * Sends what is ready within the keepalive budget. Events stay stored
   * until acknowledged. When the page goes away for good (`final`), reports
   * the events that it can neither send nor store: with storage unavailable
   * or full, what missed the keepalive budget dies with the page. A beacon
   * is tried first, though browsers may count it against the same in-flight
   * budget and refuse it.
   */
  function onPageExit(final: boolean): void {
    if (disposed) return
    const now = Date.now()
    const beaconed = new Set<QueueEntry>()
    // While rate limited, stored events wait for a later page. Events that
    // only live in memory go anyway, since the page may be gone after this.
    const paused = now < pausedUntil && store.persistent && !storageFull
    const chosen = fitBudget(
      canSend() && !paused
        ? plan(now, true, KEEPALIVE_BUDGET_BYTES, Infinity)
        : [],
      (group) => requestBytes(config, group),
      KEEPALIVE_BUDGET_BYTES,
    )

    if (transport && transport.supportsKeepalive) {
      sendRequests(chosen, true, true)
    } else {
      persist(false, true)
      for (const group of chosen) {
        if (sendByBeacon(group, now)) {
          for (const entry of group) beaconed.add(entry)
        }
      }
    }

    if (final) {
      const storage = store.persistent
        ? 'with localStorage full'
        : 'without localStorage'
      const sending = canSend()
        ? 'and no keepalive request or beacon could take the event'
        : 'while it could not send (offline, or no apiHost)'
      for (const entry of queue.values()) {
        const unsaved =
          !entry.inFlight &&
          !beaconed.has(entry) &&
          store.isUnwritten(entry.event.messageId)
        if (unsaved && !(canSend() && sendByBeacon([entry], now))) {
          dropEntry(
            entry,
            'page_closed',
            `the page closed ${storage} ${sending}`,
          )
        }
      }
      ownership.release()
    }
    armWakeTimer(now)
  }

  applySettings(settings)
  const stopWatching = watchPage(onPageExit, () => {
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
        reportDrop({
          event,
          reason: 'disabled',
          detail: 'delivery was disposed',
        })
        return
      }
      if (queue.has(event.messageId)) {
        logger.debug('event already queued, ignored', event.messageId)
        return
      }
      const now = Date.now()
      const sendBy = config.batching ? now + config.batchTimeoutMs : now
      const entry = admitEvent(event, undefined, sendBy)
      if ('reason' in entry) {
        reportDrop(entry)
        return
      }
      makeRoom()
      queue.set(event.messageId, entry)
      store.put(entry)
      urgentChanges = true
      schedulePump()
    },

    configure(next) {
      if (disposed) return
      applySettings(next)
      schedulePump()
    },

    flush() {
      if (disposed) return Promise.resolve()
      return new Promise<void>((resolve) => {
        flushWaiters.push(resolve)
        schedulePump()
      })
    },

    persistNow() {
      persist(false, true)
      return !disposed && store.persistent && !store.hasPendingChanges()
    },

    dispose() {
      if (disposed) return
      if (store.hasPendingChanges()) store.write()
      disposed = true
      clearTimeout(wakeTimer)
      clearTimeout(lazyWriteTimer)
      stopWatching()
      ownership.dispose()
      // Keepalive requests are meant to outlive the page, so abort leaves them.
      for (const abort of pending) abort()
      pending.clear()
      for (const resolve of flushWaiters.splice(0)) resolve()
    },
  }
}
