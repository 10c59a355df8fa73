import { createEntity, readAndSync } from './entity'
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
  // undefined until storage is read. null when none is stored, so the next
  // read generates one.
  let anonymousId: string | null | undefined

  function writeAnonymousId(value: unknown): void {
    anonymousId = toId(value)
    storage.ids.set(ANONYMOUS_ID_KEY, anonymousId)
  }

  function readAnonymousId(): void {
    anonymousId = readAndSync(storage.ids, ANONYMOUS_ID_KEY, toId)
  }

  // Another user signs in on this browser: as in analytics.js, their
  // events get a new anonymous id rather than the previous user's.
  const entity = createEntity(
    { id: USER_ID_KEY, traits: USER_TRAITS_KEY },
    storage,
    () => writeAnonymousId(null),
  )

  return {
    ...entity,
    anonymousId(value?: string | null): string {
      if (value !== undefined) writeAnonymousId(value)
      if (anonymousId === undefined) readAnonymousId()
      if (anonymousId === null) writeAnonymousId(options.generateId())
      return anonymousId as string
    },
    reset() {
      entity.reset()
      writeAnonymousId(null)
    },
    load() {
      entity.load()
      readAnonymousId()
    },
  }
}
