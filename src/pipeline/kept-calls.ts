import type { Logger } from '../debug'
import { getStorage } from '../global-scope'
import {
  isBufferedPageContext,
  type BufferedPageContext,
} from '../message/page-context'
import type { EventType } from '../message/types'

/**
 * Prefix of the localStorage keys where the call keeper stores the event
 * calls queued on the snippet's stub; the full key is
 * `clickstream:stub:<writeKey>:<page token>`. The keeper is a script pasted
 * after the snippet (`renderCallKeeper` in examples/lib/snippet.mjs, and the
 * README). It rewrites `{ at, calls, times }` on every call and every second
 * while the stub is live, and with `at: 0` on `pagehide`.
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
}

interface KeptRecord {
  at: number
  calls: unknown[]
  times: unknown[]
}

/** The fields the keeper sets on the stub. */
export interface KeeperFields {
  _keptKey?: unknown
  _keptCount?: unknown
}

/**
 * Takes back this page's own record when the bundle replaces the stub, and
 * returns how many of the stub's leading event calls another page already
 * sent (it took the record while this page loaded), so the replay skips them.
 */
export function claimOwnKeptCalls(stub: KeeperFields, log: Logger): number {
  const key = stub._keptKey
  if (typeof key !== 'string' || !key.startsWith(KEPT_CALLS_PREFIX)) return 0

  try {
    const storage = getStorage('localStorage')
    if (!storage) return 0
    if (storage.getItem(key) !== null) {
      storage.removeItem(key)
      return 0
    }
  } catch (error) {
    log.debug('could not read the calls the keeper stored', error)
    return 0
  }
  const sent = typeof stub._keptCount === 'number' ? stub._keptCount : 0
  if (sent > 0) {
    log.debug(`skipping ${sent} queued calls that another page already sent`)
  }
  return sent
}

/**
 * Removes and returns the calls that the call keeper stored for `writeKey`
 * on pages that closed (records not refreshed for `STALE_KEPT_MS`), oldest
 * call first. Records that do not parse are removed and skipped.
 */
export function takeKeptCalls(writeKey: string, log: Logger): KeptCall[] {
  const storage = getStorage('localStorage')
  if (!storage) return []

  const prefix = `${KEPT_CALLS_PREFIX}${writeKey}:`
  const calls: KeptCall[] = []
  try {
    const keys: string[] = []
    for (let index = 0; index < storage.length; index++) {
      const name = storage.key(index)
      if (name?.startsWith(prefix)) keys.push(name)
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
    const times = Array.isArray(record.times) ? record.times : []
    return { at: record.at, calls: record.calls, times }
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
    const time = record.times[index]
    const timestamp =
      typeof time === 'number' && Number.isFinite(time)
        ? time
        : record.at || Date.now()
    calls.push({ method, args, page, timestamp })
  }
  return calls
}
