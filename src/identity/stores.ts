import { getStorage } from '../global-scope'
import { readCookie, removeCookie, writeCookie } from './cookie'
import { resolveCookieAttributes } from './cookie-options'
import { logger } from './log'
import { decodeStoredValue, encodeStoredValue } from './stored-value'
import type { CookieOptions, StoreType } from './types'

/** One storage backend holding serialized text. Any method may throw. */
export interface Store {
  readonly type: StoreType
  getItem(key: string): string | null
  setItem(key: string, text: string): void
  removeItem(key: string): void
}

/**
 * Stores tried in priority order. No method throws: a store that fails is
 * logged in debug mode and skipped.
 */
export interface StorageChain {
  readonly types: StoreType[]
  /** Returns the decoded value of the first store that has one, or null. */
  get(key: string): unknown
  /** Writes to every store. Null or undefined removes the key instead. */
  set(key: string, value: unknown): void
  remove(key: string): void
}

export function createStorageChain(stores: Store[]): StorageChain {
  /**
   * Runs `access` on each store in turn until one returns a value other
   * than null or undefined, so writes, which return nothing, reach every
   * store. Storage throws SecurityError in sandboxed frames and some private
   * modes, and QuotaExceededError when full, so no error may pass.
   */
  function each(
    operation: string,
    key: string,
    access: (store: Store) => unknown,
  ): unknown {
    for (const store of stores) {
      try {
        const value = access(store)
        if (value != null) return value
      } catch (error) {
        logger.warn(`${store.type} ${operation} of ${key} failed`, error)
      }
    }
    return null
  }

  function remove(key: string): void {
    each('remove', key, (store) => {
      store.removeItem(key)
    })
  }

  return {
    types: stores.map((store) => store.type),
    get: (key) =>
      each('read', key, (store) => decodeStoredValue(store.getItem(key))),
    set(key, value) {
      if (value == null) return remove(key)

      let text: string
      try {
        text = encodeStoredValue(value)
      } catch (error) {
        // Values JSON cannot represent: cycles, BigInt.
        logger.warn(`Storing ${key} failed: invalid JSON value`, error)
        return
      }
      each('write', key, (store) => {
        store.setItem(key, text)
      })
    },
    remove,
  }
}

/**
 * Keeps values in cookies, JSON-serialized and then URI-encoded as
 * analytics.js writes them: the id `abc-123` is stored as `%22abc-123%22`.
 */
export function createCookieStore(options: CookieOptions = {}): Store {
  function write(key: string, text: string | null): void {
    const attributes = resolveCookieAttributes(options)
    // A host-only cookie of the same name, left by an older set-up, would
    // be listed first and shadow the top-domain cookie on every read.
    if (attributes.domain) removeCookie(key, { path: attributes.path })
    if (text === null) removeCookie(key, attributes)
    else writeCookie(key, text, attributes)
  }
  return {
    type: 'cookie',
    getItem: readCookie,
    setItem: write,
    removeItem: (key) => write(key, null),
  }
}

export function createLocalStorageStore(): Store {
  return {
    type: 'localStorage',
    getItem: (key) => getStorage()?.getItem(key) ?? null,
    setItem(key, text) {
      getStorage()?.setItem(key, text)
    },
    removeItem(key) {
      getStorage()?.removeItem(key)
    },
  }
}

/**
 * Keeps values for the life of the page. A Map does not throw, so memory is
 * the fallback of last resort.
 */
export function createMemoryStore(): Store {
  const items = new Map<string, string>()
  return {
    type: 'memory',
    getItem: (key) => items.get(key) ?? null,
    setItem(key, text) {
      items.set(key, text)
    },
    removeItem(key) {
      items.delete(key)
    },
  }
}
