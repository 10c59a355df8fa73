import { createLogger } from '../debug'
import {
  createCookieStore,
  createLocalStorageStore,
  createMemoryStore,
  createStorageChain,
  type StorageChain,
  type Store,
} from './stores'
import type { IdentityOptions, StoreType } from './types'

/** The two chains an entity reads and writes. */
export interface IdentityStorage {
  /** Ids, in the configured order of cookie, localStorage and memory. */
  ids: StorageChain
  /** Traits and group properties: the same order without the cookie. */
  traits: StorageChain
}

export const DEFAULT_STORES: readonly StoreType[] = [
  'cookie',
  'localStorage',
  'memory',
]

const KNOWN_STORES: readonly string[] = DEFAULT_STORES
const logger = createLogger('identity')

export function createIdentityStorage(
  options: Omit<IdentityOptions, 'generateId'>,
): IdentityStorage {
  const types = resolveStoreTypes(options)
  const stores: Record<StoreType, Store> = {
    cookie: createCookieStore(options.cookie),
    localStorage: createLocalStorageStore(),
    memory: createMemoryStore(),
  }
  const traitTypes = types.filter((type) => type !== 'cookie')
  return {
    ids: createStorageChain(types.map((type) => stores[type])),
    traits: createStorageChain(traitTypes.map((type) => stores[type])),
  }
}

/**
 * Lists the stores to use, highest priority first: the `storage.stores`
 * order without duplicates, then memory if it is missing, because memory is
 * the last fallback whatever the settings list. `disableClientPersistence`
 * means memory only. Unknown store names are reported once and skipped.
 */
export function resolveStoreTypes(
  options: Omit<IdentityOptions, 'generateId'>,
): StoreType[] {
  if (options.disableClientPersistence) return ['memory']

  const types: StoreType[] = []
  for (const type of requestedStores(options.storage)) {
    if (!isStoreType(type)) {
      const name = typeof type === 'string' ? `"${type}"` : typeof type
      logger.misuse(
        `storage.stores.${name}`,
        `Unknown store ${name} in storage.stores ignored: ` +
          'expected "cookie", "localStorage" or "memory".',
      )
    } else if (!types.includes(type)) {
      types.push(type)
    }
  }
  if (!types.includes('memory')) types.push('memory')
  return types
}

function requestedStores(storage: unknown): readonly unknown[] {
  if (storage === undefined) return DEFAULT_STORES

  const stores = (storage as { stores?: unknown } | null)?.stores
  if (Array.isArray(stores)) return stores

  logger.misuse(
    'storage.stores',
    'Invalid storage option: expected { stores: [...] } listing "cookie", ' +
      '"localStorage" or "memory"; using all three.',
  )
  return DEFAULT_STORES
}

function isStoreType(value: unknown): value is StoreType {
  return typeof value === 'string' && KNOWN_STORES.includes(value)
}
