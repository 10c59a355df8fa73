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
 * The persisted side of one page's queue. Changes are recorded by `put` and
 * `remove` and reach storage only on `write`, so the caller decides how
 * often storage is written. A write merges into what is stored, so records
 * another writer added under the same key survive it.
 */
export interface QueueStore {
  /**
   * Moves what is stored under the page's own key to the shared key, so the
   * next page takes it over at once.
   */
  handOver(): void
  put(record: WritableRecord): void
  remove(messageId: string): void
  hasPendingChanges(): boolean
  /**
   * True when the event is not in storage: storage is unavailable, or the
   * quota rejected the write that would have added it.
   */
  isUnwritten(messageId: string): boolean
  /**
   * Writes pending changes. When the quota rejects them all, writes only the
   * removals and the updates of stored records, and the new records wait for
   * a later write. `quota_exceeded` then means partly written.
   */
  write(): WriteOutcome
  /** False once storage proved missing or broken. Changes are then discarded. */
  readonly persistent: boolean
}

/** Returns the shared key, which contains events handed over by a page or stored without an owner. */
export function queueStorageKey(writeKey: string): string {
  return `clickstream:queue:${writeKey}`
}

/**
 * Returns the key of one page's queue. Only that page writes it while it
 * lives. A write reaches the other tabs' copies of localStorage a moment
 * later, so tabs that wrote one key would overwrite each other's events.
 */
export function pageQueueKey(writeKey: string, ownerId: string): string {
  return `${queueStorageKey(writeKey)}:${ownerId}`
}

/** A stored queue of the write key, with the page that owns it. */
export interface StoredQueue {
  key: string
  /** Undefined for the shared key. */
  owner: string | undefined
}

/** Lists the stored queues of a write key. Missing or broken storage lists none. */
export function listStoredQueues(writeKey: string): StoredQueue[] {
  const shared = queueStorageKey(writeKey)
  const queues: StoredQueue[] = []
  try {
    const storage = getStorage('localStorage')!
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index)!
      if (key === shared || key.startsWith(`${shared}:`)) {
        queues.push({ key, owner: key.slice(shared.length + 1) || undefined })
      }
    }
  } catch {
    // Storage that is missing or throws contains no queue this page could take over.
  }
  return queues
}

/**
 * Reads the events stored under `key`, then removes the key. A key that
 * cannot be removed stays, and the page that reads it next sends its events.
 */
export function takeStoredQueue(key: string): StoredEvent[] {
  const storage = getStorage('localStorage')
  let records: StoredEvent[] = []
  try {
    records = parseRecords(storage!.getItem(key))
    storage!.removeItem(key)
  } catch {
    // Unreadable storage contains nothing to take over.
  }
  return records
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
  const record = value as Partial<StoredEvent> | null
  const event = record && record.event
  return (
    !!event &&
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

/** A record to write, with its event's JSON when that is already known. */
export type WritableRecord = StoredEvent & { json?: string }

function recordJson({
  event,
  json = JSON.stringify(event),
  attempts,
  rateLimitedRetries,
  retryAt,
}: WritableRecord): string {
  const retry = retryAt === undefined ? '' : `,"retryAt":${retryAt}`
  return `{"event":${json},"attempts":${attempts},"rateLimitedRetries":${rateLimitedRetries}${retry}}`
}

/**
 * Creates the store of one page: under the page's own key when `ownerId`
 * names the page, else under the shared key.
 */
export function createQueueStore(
  writeKey: string,
  logger: Logger,
  ownerId?: string,
): QueueStore {
  const shared = queueStorageKey(writeKey)
  const key = ownerId === undefined ? shared : pageQueueKey(writeKey, ownerId)
  const puts = new Map<string, WritableRecord>()
  const removals = new Set<string>()
  let storage = getStorage('localStorage')
  /** The value this page last read or wrote under its key, and its records. */
  let knownRaw: string | null = null
  let knownRecords: WritableRecord[] = []

  function giveUp(...error: unknown[]): WriteOutcome {
    logger.debug(
      'localStorage is unavailable: the queue stays in memory',
      ...error,
    )
    storage = undefined
    puts.clear()
    removals.clear()
    return 'unavailable'
  }
  if (!storage) giveUp()

  /**
   * Merges the pending changes into the stored records. Tier 0 applies them
   * all, tier 1 all but the new records, tier 2 only the removals: each tier
   * grows the stored value less, for a quota that rejected the one before.
   */
  function merge(stored: WritableRecord[], tier: number): WritableRecord[] {
    const merged: WritableRecord[] = []
    const seen = new Set<string>()
    for (const record of stored) {
      const id = record.event.messageId
      if (removals.has(id) || seen.has(id)) continue
      seen.add(id)
      merged.push((tier < 2 && puts.get(id)) || record)
    }
    for (const [id, record] of puts) {
      if (tier === 0 && !seen.has(id)) merged.push(record)
    }
    return merged
  }

  return {
    get persistent() {
      return storage !== undefined
    },

    handOver() {
      if (!storage || key === shared) return
      try {
        const own = parseRecords(storage.getItem(key))
        if (own.length === 0) return
        const ids = new Set(own.map((record) => record.event.messageId))
        const sharedRecords = parseRecords(storage.getItem(shared)).filter(
          (record) => !ids.has(record.event.messageId),
        )
        // NOTE: another tab that reads and removes the shared key at this
        // moment, with a copy of storage that lacks this write, drops it.
        storage.setItem(shared, JSON.stringify([...sharedRecords, ...own]))
        storage.removeItem(key)
      } catch (error) {
        // The page's key stays, and the next page takes it over from there.
        logger.debug('could not hand the queue over', error)
      }
    },

    put(record) {
      if (!storage) return
      removals.delete(record.event.messageId)
      puts.set(record.event.messageId, record)
    },

    remove(messageId) {
      if (!storage) return
      puts.delete(messageId)
      removals.add(messageId)
    },

    hasPendingChanges() {
      return puts.size > 0 || removals.size > 0
    },

    isUnwritten(messageId) {
      return !storage || puts.has(messageId)
    },

    write() {
      if (!storage) return 'unavailable'
      try {
        // Parses only when another writer changed the value.
        const stored = storage.getItem(key)
        if (stored !== knownRaw) knownRecords = parseRecords(stored)
        knownRaw = stored
        for (let tier = 0; tier < 3; tier++) {
          const records = merge(knownRecords, tier)
          const raw = records.length
            ? `[${records.map(recordJson).join(',')}]`
            : null
          try {
            if (raw) storage.setItem(key, raw)
            else storage.removeItem(key)
          } catch (error) {
            if (isQuotaError(error)) continue
            throw error
          }
          // Clears the changes written. New records not written stay pending.
          for (const record of tier < 2 ? records : []) {
            puts.delete(record.event.messageId)
          }
          removals.clear()
          knownRaw = raw
          knownRecords = records
          return tier ? 'quota_exceeded' : 'written'
        }
      } catch (error) {
        return giveUp(error)
      }
      // Pending changes stay recorded so the next write can try again.
      return 'quota_exceeded'
    },
  }
}
