import { createLogger } from '../debug'
import { getStorage } from '../global-scope'
import { readCookie, removeCookie, writeCookie } from './cookie'
import { resolveCookieAttributes } from './cookie-options'
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

const logger = createLogger('identity')

export function createStorageChain(stores: Store[]): StorageChain {
  return {
    types: stores.map((store) => store.type),
    get(key) {
      for (const store of stores) {
        const text = guard(store, 'read', key, () => store.getItem(key))
        const value = decodeStoredValue(text ?? null)
        if (value !== null) return value
      }
      return null
    },
    set(key, value) {
      if (value === null || value === undefined) {
        this.remove(key)
        return
      }
      const text = encodeOrReport(key, value)
      if (text === undefined) return

      for (const store of stores) {
        guard(store, 'write', key, () => store.setItem(key, text))
      }
    },
    remove(key) {
      for (const store of stores) {
        guard(store, 'remove', key, () => store.removeItem(key))
      }
    },
  }
}

/**
 * Keeps values in cookies, JSON-serialized and then URI-encoded as
 * analytics.js writes them: the id `abc-123` is stored as `%22abc-123%22`.
 */
export function createCookieStore(options: CookieOptions = {}): Store {
  return {
    type: 'cookie',
    getItem: (key) => readCookie(key),
    setItem(key, text) {
      const attributes = resolveCookieAttributes(options)
      // A host-only cookie of the same name, left by an older set-up, would
      // be listed first and shadow the top-domain cookie on every read.
      if (attributes.domain) removeCookie(key, { path: attributes.path })
      writeCookie(key, text, attributes)
    },
    removeItem(key) {
      const attributes = resolveCookieAttributes(options)
      removeCookie(key, attributes)
      if (attributes.domain) removeCookie(key, { path: attributes.path })
    },
  }
}

export function createLocalStorageStore(): Store {
  return {
    type: 'localStorage',
    getItem: (key) => getStorage('localStorage')?.getItem(key) ?? null,
    setItem(key, text) {
      getStorage('localStorage')?.setItem(key, text)
    },
    removeItem(key) {
      getStorage('localStorage')?.removeItem(key)
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

/**
 * Serializes a value to JSON. Returns undefined, and logs, for values JSON
 * cannot represent (cycles, BigInt).
 */
function encodeOrReport(key: string, value: unknown): string | undefined {
  try {
    return encodeStoredValue(value)
  } catch (error) {
    logger.warn(`Storing ${key} failed: invalid JSON value`, error)
    return undefined
  }
}

/**
 * Runs one store access. Storage throws SecurityError in sandboxed frames and
 * some private modes, and QuotaExceededError when full, so no error may pass.
 */
function guard<T>(
  store: Store,
  operation: string,
  key: string,
  access: () => T,
): T | undefined {
  try {
    return access()
  } catch (error) {
    logger.warn(`${store.type} ${operation} of ${key} failed`, error)
    return undefined
  }
}
