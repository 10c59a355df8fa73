import { describe } from '../arguments'
import { logger } from './log'
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

const STORE_NAMES = '"cookie", "localStorage" or "memory"'

export function createIdentityStorage(
  options: Omit<IdentityOptions, 'generateId'>,
): IdentityStorage {
  const types = resolveStoreTypes(options)
  const stores: Record<StoreType, Store> = {
    cookie: createCookieStore(options.cookie),
    localStorage: createLocalStorageStore(),
    memory: createMemoryStore(),
  }
  const chain = (list: StoreType[]) =>
    createStorageChain(list.map((type) => stores[type]))
  return {
    ids: chain(types),
    traits: chain(types.filter((type) => type !== 'cookie')),
  }
}

/**
 * Lists the stores to use, highest priority first: the `storage.stores`
 * order without duplicates, then memory if it is missing, because memory is
 * the last fallback whatever the settings list. `disableClientPersistence`
 * means memory only. Invalid store names are reported once and skipped.
 */
export function resolveStoreTypes(
  options: Omit<IdentityOptions, 'generateId'>,
): StoreType[] {
  if (options.disableClientPersistence) return ['memory']

  // The load options were checked already: `storage` is an object or absent.
  let requested: unknown = options.storage
    ? options.storage.stores
    : DEFAULT_STORES
  if (!Array.isArray(requested)) {
    logger.misuse(
      'storage.stores',
      `Invalid storage.stores ${describe(requested)}: expected a list of ${STORE_NAMES}; using all three.`,
    )
    requested = DEFAULT_STORES
  }
  const types: StoreType[] = []
  for (const type of [...(requested as unknown[]), 'memory']) {
    if (!DEFAULT_STORES.includes(type as StoreType)) {
      logger.misuse(
        `storage.stores:${describe(type)}`,
        `Invalid store ${describe(type)} in storage.stores: expected ${STORE_NAMES}; it is skipped.`,
      )
    } else if (!types.includes(type as StoreType)) {
      types.push(type as StoreType)
    }
  }
  return types
}
