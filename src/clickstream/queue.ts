import type { Batchable } from './batcher'
import type { StoredEvent } from './queue-store'

/** One event in memory: its stored record plus what sending needs. */
export interface QueueEntry extends StoredEvent, Batchable {
  /** The event's JSON, computed once. Request bodies are spliced from it. */
  json: string
  inFlight: boolean
  /**
   * Epoch milliseconds before which the event is not sent: the stored
   * `retryAt`, or a memory-only hold after a beacon whose outcome is unknown.
   */
  notBefore: number
}

/** The in-memory queue by messageId, oldest event first. */
export type EventQueue = Map<string, QueueEntry>

/** Lists the events that may be sent at `now`: not in flight and not held back. */
export function sendableEntries(queue: EventQueue, now: number): QueueEntry[] {
  return [...queue.values()].filter(
    (entry) => !entry.inFlight && entry.notBefore <= now,
  )
}

/**
 * Returns the next time after `now` at which an idle event becomes sendable
 * or due, but not before `floor`, or Infinity when no event waits.
 */
export function nextWakeAt(
  queue: EventQueue,
  now: number,
  floor: number,
): number {
  let next = Infinity
  for (const entry of queue.values()) {
    const wake = Math.max(entry.notBefore, entry.sendBy, floor)
    if (!entry.inFlight && wake > now) next = Math.min(next, wake)
  }
  return next
}
