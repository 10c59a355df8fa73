import type { Batchable } from './batcher'
import type { StoredEvent } from './queue-store'

/** One event in memory: its stored record plus what sending needs. */
export interface QueueEntry extends Batchable {
  record: StoredEvent
  /** The event's JSON, computed once. Request bodies are spliced from it. */
  json: string
  inFlight: boolean
  /**
   * Epoch milliseconds before which the event is not sent: the stored
   * `retryAt`, or a memory-only hold after a beacon whose outcome is unknown.
   */
  notBefore: number
}

/** The in-memory queue, oldest event first. */
export interface EventQueue {
  readonly size: number
  has(messageId: string): boolean
  add(entry: QueueEntry): void
  delete(entry: QueueEntry): void
  /** A snapshot, so callers may delete while they iterate. */
  entries(): QueueEntry[]
  /** Events that may be sent at `now`: not in flight and not held back. */
  sendable(now: number): QueueEntry[]
  /** Returns the next time after `now` at which an event becomes sendable or due. */
  nextWakeAt(now: number): number | undefined
}

export function createEventQueue(): EventQueue {
  const byId = new Map<string, QueueEntry>()

  return {
    get size() {
      return byId.size
    },

    has: (messageId) => byId.has(messageId),

    add(entry) {
      byId.set(entry.record.event.messageId, entry)
    },

    delete(entry) {
      byId.delete(entry.record.event.messageId)
    },

    entries: () => [...byId.values()],

    sendable(now) {
      const result: QueueEntry[] = []
      for (const entry of byId.values()) {
        if (!entry.inFlight && entry.notBefore <= now) result.push(entry)
      }
      return result
    },

    nextWakeAt(now) {
      let next = Infinity
      for (const entry of byId.values()) {
        if (entry.inFlight) continue
        const wake = Math.max(entry.notBefore, entry.sendBy)
        if (wake > now && wake < next) next = wake
      }
      return next === Infinity ? undefined : next
    },
  }
}
