import type { Logger } from '../debug'
import { getStorage } from '../global-scope'

/**
 * Tells whether `key` is `prefix` followed by one page's token. Page tokens
 * contain no colon, so a key of another write key that starts with this
 * one and a colon (`wk:eu` against `wk`) does not match.
 */
export function isPageKey(key: string, prefix: string): boolean {
  return key.startsWith(prefix) && !key.includes(':', prefix.length)
}

/** Records that other pages left in localStorage, read but not yet removed. */
export interface TakenRecords<T> {
  records: T[]
  /**
   * Removes the records from localStorage, except one whose page wrote it
   * again since it was read. Call it only once their contents are stored
   * elsewhere, because a page can die between two of its storage writes
   * and a record removed first would then be lost.
   */
  remove(): void
}

/**
 * Reads the records other pages left under the keys `matches` accepts,
 * except those `isLive` keeps because their page may still be open. A
 * record that is not JSON, or that `isValid` rejects, is removed at once and
 * skipped. A storage error ends the scan. Debug notes name the records by
 * `description`.
 */
export function takeStoredRecords<T>(
  matches: (key: string) => boolean,
  isValid: (parsed: Partial<T> | null) => boolean,
  isLive: (record: T) => boolean,
  log: Logger,
  description: string,
): TakenRecords<T> {
  const storage = getStorage()
  const records: T[] = []
  /** The raw value of each record read, by key. */
  const readValues = new Map<string, string>()
  const fail = (error: unknown): void =>
    log.debug(`localStorage failed on the ${description} of other pages`, error)
  try {
    const keys: string[] = []
    for (let index = 0; storage && index < storage.length; index++) {
      const key = storage.key(index)
      if (key && matches(key)) keys.push(key)
    }
    for (const key of keys) {
      const raw = storage!.getItem(key)
      let record: T | undefined
      try {
        const parsed = JSON.parse(raw!) as Partial<T> | null
        if (isValid(parsed)) record = parsed as T
      } catch {
        // Not JSON: the record is removed below like one of another shape.
      }
      if (record && isLive(record)) continue
      if (record) {
        records.push(record)
        readValues.set(key, raw!)
      } else {
        storage!.removeItem(key)
        log.debug(`removed unreadable ${description} stored under ${key}`)
      }
    }
  } catch (error) {
    fail(error)
  }

  function remove(): void {
    try {
      for (const [key, raw] of readValues) {
        if (storage!.getItem(key) === raw) storage!.removeItem(key)
      }
    } catch (error) {
      fail(error)
    }
    readValues.clear()
  }
  return { records, remove }
}
