import type { Logger } from '../debug'
import { getStorage } from '../global-scope'
import {
  isBufferedPageContext,
  type BufferedPageContext,
} from '../message/page-context'
import type { EventType } from '../message/types'

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

interface KeptRecord {
  at: number
  calls: unknown[]
  times: unknown[]
  ids: unknown[]
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
}

/**
 * Takes back this page's own record when the bundle replaces the stub, so no
 * other page sends it, and returns the ids and times to replay the stub with.
 * If another page took the record already, the replay repeats those calls
 * with the same messageIds, which the collector can de-duplicate.
 */
export function claimOwnKeptCalls(
  stub: KeeperFields,
  log: Logger,
): OwnKeptCalls {
  const own: OwnKeptCalls = {
    ids: Array.isArray(stub._keptIds) ? stub._keptIds : [],
    times: Array.isArray(stub._keptTimes) ? stub._keptTimes : [],
  }
  const key = stub._keptKey
  if (typeof key !== 'string' || !key.startsWith(KEPT_CALLS_PREFIX)) return own

  try {
    getStorage('localStorage')?.removeItem(key)
  } catch (error) {
    log.debug('could not remove the calls the keeper stored', error)
  }
  return own
}

/**
 * Removes and returns the calls that the call keeper stored for `writeKey`
 * (or for no write key) on pages that closed, that is records not refreshed
 * for `STALE_KEPT_MS`, oldest call first. Records that do not parse are
 * removed and skipped.
 */
export function takeKeptCalls(writeKey: string, log: Logger): KeptCall[] {
  const storage = getStorage('localStorage')
  if (!storage) return []

  const prefixes = [`${KEPT_CALLS_PREFIX}${writeKey}:`, `${KEPT_CALLS_PREFIX}:`]
  const calls: KeptCall[] = []
  try {
    const keys: string[] = []
    for (let index = 0; index < storage.length; index++) {
      const name = storage.key(index)
      if (name && prefixes.some((prefix) => name.startsWith(prefix))) {
        keys.push(name)
      }
    }
    for (const name of keys) {
      const record = parseRecord(storage.getItem(name))
      if (record && Date.now() - record.at <= STALE_KEPT_MS) continue
      storage.removeItem(name)
      if (record) calls.push(...toCalls(record))
      else log.debug(`skipped unreadable calls stored under ${name}`)
    }
  } catch (error) {
    log.debug('could not read the calls that closed pages kept', error)
  }

  return calls.sort((first, second) => first.timestamp - second.timestamp)
}

function parseRecord(text: string | null): KeptRecord | undefined {
  if (!text) return undefined
  try {
    const record = JSON.parse(text) as Partial<KeptRecord>
    if (typeof record.at !== 'number' || !Array.isArray(record.calls)) {
      return undefined
    }
    return {
      at: record.at,
      calls: record.calls,
      times: Array.isArray(record.times) ? record.times : [],
      ids: Array.isArray(record.ids) ? record.ids : [],
    }
  } catch {
    return undefined
  }
}

function toCalls(record: KeptRecord): KeptCall[] {
  const calls: KeptCall[] = []
  for (const [index, entry] of record.calls.entries()) {
    if (!Array.isArray(entry) || !EVENT_METHODS.has(entry[0] as string)) {
      continue
    }

    const [method, ...args] = entry as [EventType, ...unknown[]]
    const last: unknown = args[args.length - 1]
    const page = isBufferedPageContext(last) ? last : undefined
    if (page) args.pop()
    calls.push({
      method,
      args,
      page,
      timestamp: timeOf(record.times[index]) ?? (record.at || Date.now()),
      messageId: idOf(record.ids[index]),
    })
  }
  return calls
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
