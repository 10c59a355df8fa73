import type { Logger } from '../debug'
import { getStorage } from '../global-scope'
import type { SegmentEvent } from '../message/types'

/** One event of the write-ahead queue, as kept in localStorage. */
export interface StoredEvent {
  event: SegmentEvent
  /** Requests started for this event, counted before each send. */
  attempts: number
  /** Retries spent on rate limits, which do not count against the backoff budget. */
  rateLimitedRetries: number
  /** Epoch milliseconds before which the event is not sent again. */
  retryAt?: number
}

export type WriteOutcome = 'written' | 'quota_exceeded' | 'unavailable'

/**
 * The persisted side of the queue. Changes are recorded by `put` and `remove`
 * and reach storage only on `write`, so the caller decides how often storage
 * is written. A write merges into what is stored, so another tab's events
 * under the same key survive it.
 */
export interface QueueStore {
  /** Reads the stored events, skipping malformed entries. */
  load(): StoredEvent[]
  put(record: StoredEvent): void
  remove(messageId: string): void
  hasPendingChanges(): boolean
  write(): WriteOutcome
  /** False once storage proved missing or broken. Changes are then discarded. */
  readonly persistent: boolean
}

export function queueStorageKey(writeKey: string): string {
  return `clickstream:queue:${writeKey}`
}

/** Matches the names and legacy codes browsers use for a full storage area. */
export function isQuotaError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const { name, code } = error as { name?: unknown; code?: unknown }
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  )
}

function isStoredEvent(value: unknown): value is StoredEvent {
  if (!value || typeof value !== 'object') return false
  const record = value as Partial<StoredEvent>
  const event = record.event as Partial<SegmentEvent> | undefined
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.messageId === 'string' &&
    typeof event.type === 'string' &&
    typeof record.attempts === 'number' &&
    typeof record.rateLimitedRetries === 'number'
  )
}

function parseRecords(raw: string | null): StoredEvent[] {
  if (!raw) return []
  try {
    const parsed: unknown = JSON.parse(raw)
    return Array.isArray(parsed) ? parsed.filter(isStoredEvent) : []
  } catch {
    // A corrupt value is replaced by the next write rather than kept forever.
    return []
  }
}

export function createQueueStore(writeKey: string, logger: Logger): QueueStore {
  const key = queueStorageKey(writeKey)
  const puts = new Map<string, StoredEvent>()
  const removals = new Set<string>()
  let storage = getStorage('localStorage')
  let persistent = storage !== undefined

  if (!persistent) {
    logger.debug('localStorage is unavailable: the queue stays in memory')
  }

  function giveUp(error: unknown): WriteOutcome {
    logger.debug('localStorage failed: the queue stays in memory', error)
    persistent = false
    storage = undefined
    puts.clear()
    removals.clear()
    return 'unavailable'
  }

  function merge(stored: StoredEvent[]): StoredEvent[] {
    const merged: StoredEvent[] = []
    const seen = new Set<string>()
    for (const record of stored) {
      const id = record.event.messageId
      if (removals.has(id) || seen.has(id)) continue
      seen.add(id)
      merged.push(puts.get(id) ?? record)
    }
    for (const [id, record] of puts) {
      if (!seen.has(id) && !removals.has(id)) merged.push(record)
    }
    return merged
  }

  return {
    get persistent() {
      return persistent
    },

    load() {
      if (!storage) return []
      try {
        return parseRecords(storage.getItem(key))
      } catch (error) {
        giveUp(error)
        return []
      }
    },

    put(record) {
      if (!persistent) return
      removals.delete(record.event.messageId)
      puts.set(record.event.messageId, record)
    },

    remove(messageId) {
      if (!persistent) return
      puts.delete(messageId)
      removals.add(messageId)
    },

    hasPendingChanges() {
      return puts.size > 0 || removals.size > 0
    },

    write() {
      if (!storage) return 'unavailable'
      try {
        const merged = merge(parseRecords(storage.getItem(key)))
        if (merged.length === 0) storage.removeItem(key)
        else storage.setItem(key, JSON.stringify(merged))
      } catch (error) {
        // Pending changes stay recorded so the next write can try again.
        if (isQuotaError(error)) return 'quota_exceeded'
        return giveUp(error)
      }
      puts.clear()
      removals.clear()
      return 'written'
    },
  }
}
