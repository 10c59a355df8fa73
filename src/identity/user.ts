import type { JSONObject } from '../message/types'
import { createEntityRecord, identifyEntity, readAndSync } from './entity'
import { createIdentityStorage } from './identity-storage'
import { toId } from './stored-value'
import type { IdentityOptions, UserEntity } from './types'

export const USER_ID_KEY = 'ajs_user_id'
export const USER_TRAITS_KEY = 'ajs_user_traits'
export const ANONYMOUS_ID_KEY = 'ajs_anonymous_id'

/**
 * Creates the user entity. Nothing is read from storage until the first
 * call, so creating one in Node or during server rendering touches nothing.
 */
export function createUser(options: IdentityOptions): UserEntity {
  const storage = createIdentityStorage(options)
  const record = createEntityRecord(
    { id: USER_ID_KEY, traits: USER_TRAITS_KEY },
    storage,
  )
  // undefined until storage is read. null when none is stored, so the next
  // read generates one.
  let cachedAnonymousId: string | null | undefined

  function readAnonymousId(): string {
    if (cachedAnonymousId === undefined) {
      cachedAnonymousId = readAndSync(storage.ids, ANONYMOUS_ID_KEY, toId)
    }
    if (cachedAnonymousId === null) {
      cachedAnonymousId = options.generateId()
      storage.ids.set(ANONYMOUS_ID_KEY, cachedAnonymousId)
    }
    return cachedAnonymousId
  }

  function writeAnonymousId(value: unknown): void {
    cachedAnonymousId = toId(value)
    storage.ids.set(ANONYMOUS_ID_KEY, cachedAnonymousId)
  }

  function anonymousId(value?: string | null): string {
    if (value !== undefined) writeAnonymousId(value)
    return readAnonymousId()
  }

  function id(value?: string | null): string | null {
    if (value === undefined) return record.id()

    const previous = record.id()
    const next = toId(value)
    record.setId(next)
    // Another user signs in on this browser: as in analytics.js, their
    // events get a new anonymous id rather than the previous user's.
    if (previous !== null && next !== null && next !== previous) {
      writeAnonymousId(null)
    }
    return next
  }

  function traits(value?: JSONObject | null): JSONObject {
    if (value !== undefined) record.setTraits(value)
    return record.traits()
  }

  return {
    id,
    anonymousId,
    traits,
    identify(userId, userTraits) {
      identifyEntity(record, id, userId, userTraits)
    },
    reset() {
      record.clear()
      writeAnonymousId(null)
    },
    load() {
      record.load()
      cachedAnonymousId = readAndSync(storage.ids, ANONYMOUS_ID_KEY, toId)
    },
  }
}
