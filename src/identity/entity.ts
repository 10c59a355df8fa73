import type { JSONObject } from '../message/types'
import type { IdentityStorage } from './identity-storage'
import type { StorageChain } from './stores'
import { toId, toTraits } from './stored-value'

/** Storage keys of one entity, such as `ajs_user_id` and `ajs_user_traits`. */
export interface EntityKeys {
  id: string
  traits: string
}

/**
 * The id and traits of a user or a group, cached in memory: storage is read
 * on first use and again on `load()`, and every write goes to storage.
 */
export interface EntityRecord {
  id(): string | null
  setId(value: string | null): void
  /** Returns a shallow copy, so a caller's edits do not reach the cache. */
  traits(): JSONObject
  setTraits(value: JSONObject | null): void
  load(): void
  /** Removes id and traits from every store. */
  clear(): void
}

interface CachedEntity {
  id: string | null
  traits: JSONObject
}

export function createEntityRecord(
  keys: EntityKeys,
  storage: IdentityStorage,
): EntityRecord {
  let cached: CachedEntity | undefined

  function load(): CachedEntity {
    cached = {
      id: readAndSync(storage.ids, keys.id, toId),
      traits: readAndSync(storage.traits, keys.traits, toTraits),
    }
    return cached
  }

  function current(): CachedEntity {
    return cached ?? load()
  }

  return {
    id: () => current().id,
    setId(value) {
      current().id = value
      storage.ids.set(keys.id, value)
    },
    traits: () => ({ ...current().traits }),
    setTraits(value) {
      const traits = toTraits(value)
      current().traits = traits
      storage.traits.set(keys.traits, value === null ? null : traits)
    },
    load() {
      load()
    },
    clear() {
      cached = { id: null, traits: {} }
      storage.ids.remove(keys.id)
      storage.traits.remove(keys.traits)
    },
  }
}

/**
 * Reads a key from the first store that has it and writes the value back to
 * every store. With the default order the top-domain cookie wins, and a
 * localStorage value that differs from it is overwritten. A value that does
 * not normalize (an id stored as an object) is removed everywhere.
 */
export function readAndSync<T>(
  chain: StorageChain,
  key: string,
  normalize: (stored: unknown) => T,
): T {
  const stored = chain.get(key)
  const value = normalize(stored)
  if (stored !== null) chain.set(key, value)
  return value
}

/**
 * Applies an identify call to an entity. Traits merge over the stored ones
 * when the call names no id, the current id, or the entity has no id yet.
 * A call naming a different id replaces the traits. `setId` lets the user
 * entity react to a new id.
 */
export function identifyEntity(
  record: EntityRecord,
  setId: (id: string) => void,
  id: unknown,
  traits: unknown,
): void {
  const nextId = toId(id)
  const currentId = record.id()
  const sameEntity =
    nextId === null || currentId === null || nextId === currentId
  const callTraits = toTraits(traits)
  const nextTraits = sameEntity
    ? { ...record.traits(), ...callTraits }
    : callTraits

  if (nextId !== null) setId(nextId)
  record.setTraits(nextTraits)
}
