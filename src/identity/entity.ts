import type { JSONObject } from '../message/types'
import type { IdentityStorage } from './identity-storage'
import type { StorageChain } from './stores'
import { toId, toTraits } from './stored-value'
import type { GroupEntity } from './types'

/** Storage keys of one entity, such as `ajs_user_id` and `ajs_user_traits`. */
export interface EntityKeys {
  id: string
  traits: string
}

/** The id and traits that the user and the group share. */
export type Entity = Omit<GroupEntity, 'properties'>

/**
 * Creates the id and traits of a user or a group, cached in memory: storage
 * is read on first use and again on `load()`, and every write goes to
 * storage. `onIdChange` runs when a stored id is replaced by another one.
 */
export function createEntity(
  keys: EntityKeys,
  storage: IdentityStorage,
  onIdChange?: () => void,
): Entity {
  let cached: { id: string | null; traits: JSONObject } | undefined

  function read() {
    cached = {
      id: readAndSync(storage.ids, keys.id, toId),
      traits: readAndSync(storage.traits, keys.traits, toTraits),
    }
    return cached
  }

  function id(value?: string | null): string | null {
    const current = cached ?? read()
    if (value !== undefined) {
      const previous = current.id
      current.id = toId(value)
      storage.ids.set(keys.id, current.id)
      if (previous !== null && current.id !== null && current.id !== previous)
        onIdChange?.()
    }
    return current.id
  }

  /** Returns a shallow copy, so a caller's edits do not reach the cache. */
  function traits(value?: JSONObject | null): JSONObject {
    const current = cached ?? read()
    if (value !== undefined) {
      current.traits = toTraits(value)
      storage.traits.set(keys.traits, value === null ? null : current.traits)
    }
    return { ...current.traits }
  }

  return {
    id,
    traits,
    // Traits merge over the stored ones when the call names no id, the
    // current id, or the entity has no id yet. A different id replaces them.
    identify(newId, newTraits) {
      const nextId = toId(newId)
      const currentId = id()
      const callTraits = toTraits(newTraits)
      const sameEntity =
        nextId === null || currentId === null || nextId === currentId
      if (nextId !== null) id(nextId)
      traits(sameEntity ? { ...traits(), ...callTraits } : callTraits)
    },
    reset() {
      cached = { id: null, traits: {} }
      storage.ids.remove(keys.id)
      storage.traits.remove(keys.traits)
    },
    load() {
      read()
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
