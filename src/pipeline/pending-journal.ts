import type { Logger } from '../debug'
import { getStorage, getWindow } from '../global-scope'
import type { SegmentEvent } from '../message/types'
import {
  isPageKey,
  takeStoredRecords,
  type TakenRecords,
} from './stored-records'

/**
 * A page's journal of messages that wait for settings: they are not yet in
 * the endpoint's write-ahead store, because middleware may still change or
 * drop them. Another page sends them if this one closes first.
 */
interface JournalRecord {
  updatedAt: number
  /** Set on `pagehide`: the messages are free to adopt at once. */
  closed: boolean
  messages: SegmentEvent[]
}

/** A live page refreshes its journal this often while messages wait. */
const HEARTBEAT_MS = 2_000

/** A journal not refreshed for this long belongs to a page that is gone. */
export const STALE_JOURNAL_MS = 3 * HEARTBEAT_MS

export interface PendingJournal {
  /**
   * Records the waiting messages, read from `messages` when storage is
   * written (one write per task), so a burst of calls is not copied per call.
   */
  save(messages: () => SegmentEvent[]): void
  /**
   * Writes the waiting messages now instead of at the end of the task.
   * Returns whether localStorage contains them.
   */
  flush(): boolean
  /** Removes this page's journal once its messages reached the endpoint. */
  clear(): void
  /**
   * Reads the journals of pages that closed or went silent. Chromium fires
   * no `pagehide` for a page that is still loading, so a journal without
   * `closed` is taken once its heartbeat is stale. The caller removes them
   * once their messages are stored on this page.
   */
  adoptOrphans(): TakenRecords<SegmentEvent>
  dispose(): void
}

export function createPendingJournal(
  writeKey: string,
  pageId: string,
  log: Logger,
): PendingJournal {
  const prefix = `clickstream:pending:${writeKey}:`
  const key = prefix + pageId
  let latest: () => SegmentEvent[] = () => []
  let scheduled = false
  let closed = false
  let heartbeat: ReturnType<typeof setInterval> | undefined

  /** Returns whether localStorage contains the waiting messages. */
  function write(): boolean {
    scheduled = false
    try {
      const storage = getStorage()
      const messages = latest()
      if (messages.length === 0) storage?.removeItem(key)
      else {
        const record = { updatedAt: Date.now(), closed, messages }
        storage?.setItem(key, JSON.stringify(record satisfies JournalRecord))
      }
      return storage !== undefined
    } catch (error) {
      log.debug('could not store the messages waiting for settings', error)
      return false
    }
  }

  function onPageHide(): void {
    closed = true
    write()
  }

  getWindow()?.addEventListener('pagehide', onPageHide)

  return {
    save(messages) {
      latest = messages
      if (!heartbeat) heartbeat = setInterval(write, HEARTBEAT_MS)
      if (scheduled) return
      scheduled = true
      // A `flush` in the meantime already wrote them.
      queueMicrotask(() => {
        if (scheduled) write()
      })
    },

    flush: write,

    clear() {
      latest = () => []
      clearInterval(heartbeat)
      heartbeat = undefined
      write()
    },

    adoptOrphans() {
      const { records, remove } = takeStoredRecords<JournalRecord>(
        (name) => isPageKey(name, prefix) && name !== key,
        (record) => Array.isArray(record?.messages),
        (record) =>
          !record.closed && !(Date.now() - record.updatedAt > STALE_JOURNAL_MS),
        log,
        'waiting messages',
      )
      return { records: records.flatMap((record) => record.messages), remove }
    },

    dispose() {
      clearInterval(heartbeat)
      getWindow()?.removeEventListener('pagehide', onPageHide)
    },
  }
}
