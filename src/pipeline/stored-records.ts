import type { Logger } from '../debug'
import { getStorage } from '../global-scope'

/**
 * Removes from localStorage, and returns, the records other pages left under
 * the keys `matches` accepts, except those `isLive` keeps because their page
 * may still be open. A record that is not JSON, or that `isValid` rejects,
 * is removed and skipped. A storage error ends the scan. Debug notes name
 * the records by `description`.
 */
export function takeStoredRecords<T>(
  matches: (key: string) => boolean,
  isValid: (parsed: Partial<T> | null) => boolean,
  isLive: (record: T) => boolean,
  log: Logger,
  description: string,
): T[] {
  const storage = getStorage()
  const records: T[] = []
  try {
    const keys: string[] = []
    for (let index = 0; storage && index < storage.length; index++) {
      const key = storage.key(index)
      if (key && matches(key)) keys.push(key)
    }
    for (const key of keys) {
      let record: T | undefined
      try {
        const parsed = JSON.parse(storage!.getItem(key)!) as Partial<T> | null
        if (isValid(parsed)) record = parsed as T
      } catch {
        // Not JSON: the record is removed below like one of another shape.
      }
      if (record && isLive(record)) continue
      storage!.removeItem(key)
      if (record) records.push(record)
      else log.debug(`removed unreadable ${description} stored under ${key}`)
    }
  } catch (error) {
    log.debug(`could not read the ${description} of other pages`, error)
  }
  return records
}
