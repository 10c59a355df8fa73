import type { JSONObject } from '../message/types'
import { createEntityRecord, identifyEntity } from './entity'
import { createIdentityStorage } from './identity-storage'
import { toId } from './stored-value'
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
  const record = createEntityRecord(
    { id: GROUP_ID_KEY, traits: GROUP_PROPERTIES_KEY },
    createIdentityStorage(options),
  )

  function id(value?: string | null): string | null {
    if (value !== undefined) record.setId(toId(value))
    return record.id()
  }

  function traits(value?: JSONObject | null): JSONObject {
    if (value !== undefined) record.setTraits(value)
    return record.traits()
  }

  return {
    id,
    traits,
    properties: () => record.traits(),
    identify(groupId, groupTraits) {
      identifyEntity(record, id, groupId, groupTraits)
    },
    reset: () => record.clear(),
    load: () => record.load(),
  }
}
