import { createEntity } from './entity'
import { createIdentityStorage } from './identity-storage'
import type { GroupEntity, IdentityOptions } from './types'

export const GROUP_ID_KEY = 'ajs_group_id'
export const GROUP_PROPERTIES_KEY = 'ajs_group_properties'

/**
 * Creates the group entity. Like the user it reads storage on first use, and
 * it has no anonymous id, so `generateId` is not needed.
 */
export function createGroup(
  options: Omit<IdentityOptions, 'generateId'>,
): GroupEntity {
  const entity = createEntity(
    { id: GROUP_ID_KEY, traits: GROUP_PROPERTIES_KEY },
    createIdentityStorage(options),
  )
  return { ...entity, properties: () => entity.traits() }
}
