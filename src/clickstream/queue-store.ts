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
 * often storage is written. The records are split into chunks of about
 * `CHUNK_CHARS`, one key each, so a write rewrites only the chunks it
 * changes and costs what changed, not the whole backlog. A write merges
 * into what is stored, so records another writer added under the same key
 * survive it.
 */
export interface QueueStore {
  put(record: WritableRecord): void
  remove(messageId: string): void
  hasPendingChanges(): boolean
  /**
   * True when the event is not in storage: storage is unavailable, or the
   * quota rejected the write that would have added it. A stored event whose
   * update the quota rejected is in storage, in its earlier version.
   */
  isUnwritten(messageId: string): boolean
  /**
   * Writes pending changes. When the quota rejects a chunk, writes only its
   * removals, and new records that do not fit wait for a later write.
   * `quota_exceeded` then means partly written.
   */
  write(): WriteOutcome
  /** False once storage proved missing or broken. Changes are then discarded. */
  readonly persistent: boolean
}

/**
 * A chunk takes no new records once its value is this long. Rewriting one
 * stays cheap, and the key count stays modest: 4,000 events of about 700
 * characters each took 88 keys in a test in Chromium.
 */
export const CHUNK_CHARS = 32 * 1024

/**
 * Returns the shared key, which contains events stored without an owner,
 * such as those earlier versions moved there when a page was disposed.
 */
export function queueStorageKey(writeKey: string): string {
  return `clickstream:queue:${writeKey}`
}

/**
 * Returns the key of one page's queue, which is also the key of its first
 * chunk. Only that page writes it while it lives. A write reaches the other
 * tabs' copies of localStorage a moment later, so tabs that wrote one key
 * would overwrite each other's events.
 */
export function pageQueueKey(writeKey: string, ownerId: string): string {
  return `${queueStorageKey(writeKey)}:${ownerId}`
}

/** A stored chunk of a write key's queues, with the page that owns it. */
export interface StoredQueue {
  key: string
  /** Undefined for the shared key. */
  owner: string | undefined
  /** The chunk's place in its queue: 0 for the queue's own key. */
  chunk: number
}

/**
 * Lists the stored chunks of a write key's queues, each queue's in order.
 * Missing or broken storage lists none. Page ids contain no colon, so the
 * page queues of a write key such as `wk:eu` are not listed for `wk`.
 * NOTE: the shared key of `wk:eu` still lists as the queue of a page `eu`
 * of `wk`. Only stores without an owner write shared keys, and the
 * endpoint no longer creates one.
 */
export function listStoredQueues(writeKey: string): StoredQueue[] {
  const shared = queueStorageKey(writeKey)
  const queues: StoredQueue[] = []
  try {
    const storage = getStorage()!
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index)!
      const match =
        key.startsWith(shared) &&
        /^(?::([^#:]+))?(?:#(\d+))?$/.exec(key.slice(shared.length))
      if (match) queues.push({ key, owner: match[1], chunk: +(match[2] || 0) })
    }
  } catch {
    // Storage that is missing or throws contains no queue this page could take over.
  }
  return queues.sort((first, second) => first.chunk - second.chunk)
}

/** Lists the keys of the chunks `owner` (undefined: the shared queue) stored, oldest first. */
function keysOf(writeKey: string, owner: string | undefined): string[] {
  return listStoredQueues(writeKey)
    .filter((queue) => queue.owner === owner)
    .map((queue) => queue.key)
}

/** The events of another page's queue, read but not yet removed. */
export interface TakenQueue {
  records: StoredEvent[]
  /**
   * Removes the queue from localStorage. Call it once the events are stored
   * under this page's key, since a page can die between any two of its
   * writes. A key that cannot be removed stays, and the page that reads it
   * next sends its events.
   */
  remove(): void
}

/** Reads the events stored under `key`. */
export function takeStoredQueue(key: string): TakenQueue {
  const storage = getStorage()
  let records: StoredEvent[] = []
  try {
    records = parseRecords(storage!.getItem(key))
  } catch {
    // Unreadable storage contains nothing to take over.
  }
  const remove = (): void => {
    try {
      storage!.removeItem(key)
    } catch {
      // The key stays, and the page that reads it next sends its events.
    }
  }
  return { records, remove }
}

/**
 * Reads every chunk `owner` (undefined: the shared queue) left stored,
 * oldest first. `remove` removes them all.
 */
export function takeStoredQueuesOf(
  writeKey: string,
  owner: string | undefined,
): TakenQueue {
  const chunks = keysOf(writeKey, owner).map(takeStoredQueue)
  return {
    records: chunks.flatMap((chunk) => chunk.records),
    remove: () => chunks.forEach((chunk) => chunk.remove()),
  }
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

/** One key of the page's queue: the value last read or written there, and its records. */
interface Chunk {
  key: string
  raw: string | null
  records: WritableRecord[]
}

/**
 * Creates the store of one page: under the page's own keys when `ownerId`
 * names the page, else under the shared key.
 */
export function createQueueStore(
  writeKey: string,
  logger: Logger,
  ownerId?: string,
): QueueStore {
  const shared = queueStorageKey(writeKey)
  const base = ownerId === undefined ? shared : pageQueueKey(writeKey, ownerId)
  const puts = new Map<string, WritableRecord>()
  const removals = new Set<string>()
  /** The chunk that takes new records while it has room. */
  let last: Chunk | undefined
  /** The chunk each stored record is in. */
  const chunkOf = new Map<string, Chunk>()
  let nextChunk = 0
  let storage = getStorage()

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

  /** Rereads a chunk that another writer changed since this page wrote it. */
  function refresh(chunk: Chunk): void {
    const stored = storage!.getItem(chunk.key)
    if (stored === chunk.raw) return
    chunk.raw = stored
    chunk.records = parseRecords(stored)
    for (const record of chunk.records) {
      chunkOf.set(record.event.messageId, chunk)
    }
  }

  /** Stores `records` as the chunk's value. Returns false when the quota rejects it. */
  function store(chunk: Chunk, records: WritableRecord[]): boolean {
    const raw = records.length ? `[${records.map(recordJson).join(',')}]` : null
    try {
      if (raw) storage!.setItem(chunk.key, raw)
      else storage!.removeItem(chunk.key)
    } catch (error) {
      if (isQuotaError(error)) return false
      throw error
    }
    chunk.raw = raw
    chunk.records = records
    return true
  }

  /**
   * Applies the pending removals and updates of `ids`, all in `chunk`. When
   * the quota rejects that, applies the removals alone, which only shrink
   * it. Returns whether the updates were written.
   */
  function rewrite(chunk: Chunk, ids: string[]): boolean {
    refresh(chunk)
    for (const updates of [true, false]) {
      const records: WritableRecord[] = []
      const seen = new Set<string>()
      for (const record of chunk.records) {
        const id = record.event.messageId
        if (removals.has(id) || seen.has(id)) continue
        seen.add(id)
        records.push((updates && puts.get(id)) || record)
      }
      if (!store(chunk, records)) continue

      for (const id of ids) {
        // A record missing from the chunk was taken by another page, which
        // sends it. Updated here, it is written again as a new record.
        if (removals.delete(id) || !seen.has(id)) chunkOf.delete(id)
        else if (updates) puts.delete(id)
      }
      return updates
    }
    return false
  }

  /** Adds new records to the last chunk while it has room, then to new chunks. */
  function append(records: WritableRecord[]): boolean {
    let next = 0
    while (next < records.length) {
      if (!last || (last.raw?.length ?? 0) >= CHUNK_CHARS) {
        const number = nextChunk++
        last = {
          key: number ? `${base}#${number}` : base,
          raw: null,
          records: [],
        }
      }
      const chunk = last
      refresh(chunk)

      let room = CHUNK_CHARS - (chunk.raw?.length ?? 0)
      const added: WritableRecord[] = []
      // At least one record per chunk, however large it is.
      do {
        const record = records[next++]!
        room -= recordJson(record).length
        added.push(record)
      } while (next < records.length && room > 0)
      if (!store(chunk, [...chunk.records, ...added])) return false
      for (const record of added) {
        const id = record.event.messageId
        chunkOf.set(id, chunk)
        puts.delete(id)
      }
    }
    return true
  }

  return {
    get persistent() {
      return storage !== undefined
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
      return !storage || !chunkOf.has(messageId)
    },

    write() {
      if (!storage) return 'unavailable'
      try {
        // The pending removals and updates, by the chunk they fall in, so
        // each chunk is read and written once.
        const byChunk = new Map<Chunk, string[]>()
        for (const id of [...removals, ...puts.keys()]) {
          const chunk = chunkOf.get(id)
          if (!chunk) {
            // Never written, so there is nothing to remove.
            removals.delete(id)
            continue
          }
          const ids = byChunk.get(chunk)
          if (ids) ids.push(id)
          else byChunk.set(chunk, [id])
        }

        let complete = true
        for (const [chunk, ids] of byChunk) {
          if (!rewrite(chunk, ids)) complete = false
        }
        const added = [...puts.values()].filter(
          (record) => !chunkOf.has(record.event.messageId),
        )
        return append(added) && complete ? 'written' : 'quota_exceeded'
      } catch (error) {
        return giveUp(error)
      }
    },
  }
}
