import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Creates an in-memory list of records that is optionally mirrored to a JSON
 * Lines file and that notifies subscribers of each change. The file is an
 * append-only log: `clear()` empties the memory, never the file.
 *
 * Memory keeps at most `maxRecords` (oldest dropped first), so a demo that
 * runs for days stays bounded. The file keeps everything.
 */
export function createRecordLog({ file, maxRecords = 10_000 } = {}) {
  const records = []
  const listeners = new Set()
  let writes = file
    ? mkdir(dirname(file), { recursive: true }).catch(reportWriteError)
    : null
  let writeErrors = 0

  // The demo keeps serving from memory when the disk fails. Repeated failures
  // are counted and printed every 100th time, so they do not flood the terminal.
  function reportWriteError(error) {
    writeErrors += 1
    if (writeErrors === 1 || writeErrors % 100 === 0) {
      console.error(
        `Failed to write ${file} (${writeErrors} failures so far): ${error.message}`,
      )
    }
  }

  function notify(change) {
    for (const listener of listeners) listener(change)
  }

  function append(record) {
    records.push(record)
    if (records.length > maxRecords) records.shift()
    if (writes) {
      // Chained so lines land in the file in arrival order.
      writes = writes
        .then(() => appendFile(file, `${JSON.stringify(record)}\n`))
        .catch(reportWriteError)
    }
    notify({ kind: 'append', record })
  }

  function clear() {
    records.length = 0
    notify({ kind: 'clear' })
  }

  function subscribe(listener) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  /**
   * Resolves with the record list once `predicate(list)` holds, or rejects
   * after `timeoutMs` with the list so far, so a test failure shows it.
   */
  function waitFor(
    predicate,
    { timeoutMs = 10_000, description = 'records' } = {},
  ) {
    if (predicate(records)) return Promise.resolve(list())

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe()
        const seen = JSON.stringify(list(), null, 2)
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${description}; received:\n${seen}`,
          ),
        )
      }, timeoutMs)
      const unsubscribe = subscribe(() => {
        if (!predicate(records)) return
        clearTimeout(timer)
        unsubscribe()
        resolve(list())
      })
    })
  }

  function list() {
    return records.slice()
  }

  /** Settles once every record appended so far is in the file. */
  function flushed() {
    return writes ? writes.then(() => undefined) : Promise.resolve()
  }

  return { append, clear, subscribe, waitFor, list, flushed, file }
}
