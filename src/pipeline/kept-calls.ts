import type { Logger } from '../debug'
import { getStorage } from '../global-scope'
import {
  isBufferedPageContext,
  type BufferedPageContext,
} from '../message/page-context'
import type { EventType } from '../message/types'
import {
  isPageKey,
  takeStoredRecords,
  type TakenRecords,
} from './stored-records'

/**
 * Prefix of the localStorage keys where the call keeper stores the event
 * calls queued on the snippet's stub. The full key is
 * `clickstream:stub:<writeKey>:<page token>`, with an empty write key for
 * snippets that set no `_writeKey`.
 *
 * The keeper is a script pasted after the snippet (`renderCallKeeper` in
 * examples/lib/snippet.mjs, and the README). While the stub is live, it
 * rewrites `{ start, at, calls, times, ids }` at the end of each task that
 * made a call and every second, and with `at: 0` on `pagehide`.
 */
export const KEPT_CALLS_PREFIX = 'clickstream:stub:'

/** A record the keeper has not refreshed for this long belongs to a closed page. */
export const STALE_KEPT_MS = 3_000

export const EVENT_METHODS: ReadonlySet<string> = new Set<EventType>([
  'track',
  'page',
  'screen',
  'identify',
  'group',
  'alias',
])

/** One event call that a closed page left on the snippet's stub. */
export interface KeptCall {
  method: EventType
  args: unknown[]
  page: BufferedPageContext | undefined
  /** Milliseconds since 1970 when the call was made, as the keeper saw it. */
  timestamp: number
  /** The messageId the keeper gave the call, if any. */
  messageId: string | undefined
}

/** The keeper's record of one page, as stored. */
interface KeptRecord {
  at: number
  calls: unknown[]
  times?: unknown
  ids?: unknown
}

/** The fields the keeper sets on the stub. */
export interface KeeperFields {
  _keptKey?: unknown
  /** A messageId per event call of the stub, in order (the first 500). */
  _keptIds?: unknown
  /** The time of each event call of the stub, in order (the first 500). */
  _keptTimes?: unknown
}

/** The messageId and time the keeper gave each event call of this page's stub. */
export interface OwnKeptCalls {
  ids: unknown[]
  times: unknown[]
  /**
   * Removes the keeper's record of this page. Call it once the replayed
   * calls are stored elsewhere, since the record is their only stored copy
   * until then.
   */
  remove(): void
}

/** The keeper record of this page, which `takeKeptCalls` leaves alone. */
let ownRecordKey: string | undefined

/**
 * Claims this page's own record when the bundle replaces the stub, so that
 * `takeKeptCalls` here does not send it as a closed page's, and returns the
 * ids and times to replay the stub with. The record stays stored until
 * `remove`. If another page took it already, the replay repeats those calls
 * with the same messageIds, which the collector can de-duplicate.
 */
export function claimOwnKeptCalls(
  stub: KeeperFields,
  log: Logger,
): OwnKeptCalls {
  const key = stub._keptKey
  const own = typeof key === 'string' && key.startsWith(KEPT_CALLS_PREFIX)
  if (own) ownRecordKey = key
  const remove = (): void => {
    if (!own) return
    try {
      getStorage()?.removeItem(key)
    } catch (error) {
      log.debug('could not remove the calls the keeper stored', error)
    }
    ownRecordKey = undefined
  }
  return {
    ids: listOf(stub._keptIds),
    times: listOf(stub._keptTimes),
    remove,
  }
}

/**
 * Reads the calls that the call keeper stored for `writeKey` (or for no
 * write key) on pages that closed, that is records not refreshed for
 * `STALE_KEPT_MS`, oldest call first. The caller removes the records once
 * the calls are stored on this page. Records that do not parse are removed
 * and skipped.
 */
export function takeKeptCalls(
  writeKey: string,
  log: Logger,
): TakenRecords<KeptCall> {
  const prefixes = [`${KEPT_CALLS_PREFIX}${writeKey}:`, `${KEPT_CALLS_PREFIX}:`]
  const { records, remove } = takeStoredRecords<KeptRecord>(
    (key) =>
      prefixes.some((prefix) => isPageKey(key, prefix)) && key !== ownRecordKey,
    (record) => typeof record?.at === 'number' && Array.isArray(record.calls),
    (record) => Date.now() - record.at <= STALE_KEPT_MS,
    log,
    'kept calls',
  )

  const calls: KeptCall[] = []
  for (const record of records) {
    const times = listOf(record.times)
    const ids = listOf(record.ids)
    record.calls.forEach((entry, index) => {
      if (!Array.isArray(entry) || !EVENT_METHODS.has(entry[0] as string)) {
        return
      }
      const [method, ...args] = entry as [EventType, ...unknown[]]
      const last: unknown = args[args.length - 1]
      const page = isBufferedPageContext(last) ? last : undefined
      if (page) args.pop()
      calls.push({
        method,
        args,
        page,
        timestamp: timeOf(times[index]) ?? (record.at || Date.now()),
        messageId: idOf(ids[index]),
      })
    })
  }
  calls.sort((first, second) => first.timestamp - second.timestamp)
  return { records: calls, remove }
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** Reads a time the keeper recorded, if it is one. */
export function timeOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** Reads a messageId the keeper made, if it is one. */
export function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= 100
    ? value
    : undefined
}
