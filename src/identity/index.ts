export type {
  CookieOptions,
  GroupEntity,
  IdentityOptions,
  StorageSettings,
  StoreType,
  UserEntity,
} from './types'
export {
  createUser,
  ANONYMOUS_ID_KEY,
  USER_ID_KEY,
  USER_TRAITS_KEY,
} from './user'
export { createGroup, GROUP_ID_KEY, GROUP_PROPERTIES_KEY } from './group'
export { DEFAULT_STORES, resolveStoreTypes } from './identity-storage'
export { DEFAULT_COOKIE_MAXAGE_DAYS } from './cookie-options'
export { findTopDomain } from './cookie-domain'
