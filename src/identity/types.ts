import type { JSONObject } from '../message/types'

/** Where identity is kept, highest priority first. */
export type StoreType = 'cookie' | 'localStorage' | 'memory'

/** The `storage` load option, as analytics-next names it. */
export interface StorageSettings {
  /**
   * Stores in priority order. Default `['cookie', 'localStorage', 'memory']`.
   * Memory is added as the last fallback when missing.
   */
  stores: StoreType[]
}

/** The `cookie` load option, as analytics-next names it. */
export interface CookieOptions {
  /** Lifetime in days, a positive number. Default 365. */
  maxage?: number
  /**
   * Cookie domain. Default: the top domain that accepts a cookie (probed).
   * An empty string writes host-only cookies.
   */
  domain?: string
  /** Default `/`. */
  path?: string
  /** Default: true on https pages. */
  secure?: boolean
  /** Default `Lax`. */
  sameSite?: 'Lax' | 'Strict' | 'None' | string
}

export interface IdentityOptions {
  storage?: StorageSettings
  cookie?: CookieOptions
  /** Keep identity in memory only: no cookie, no localStorage. */
  disableClientPersistence?: boolean
  /** Makes a new anonymous id (a uuid v4). */
  generateId: () => string
}

/**
 * The user entity behind `analytics.user()`. Getters and setters share a
 * name, as in analytics.js: `id()` reads, `id('u1')` writes.
 */
export interface UserEntity {
  id(): string | null
  /**
   * Replacing a stored id with a different one also drops the anonymous id,
   * so the next user on this browser gets a new one (as in analytics.js).
   */
  id(value: string | null): string | null
  /** Returns the stored anonymous id, or generates and stores one. */
  anonymousId(): string
  /** `null` removes the stored id and returns a newly generated one. */
  anonymousId(value: string | null): string
  traits(): JSONObject
  traits(value: JSONObject | null): JSONObject
  /**
   * Records an identify: a new id replaces the traits, the same (or no) id
   * merges them over the stored ones.
   */
  identify(id?: string | null, traits?: JSONObject): void
  /** Forgets id, anonymous id and traits; a new anonymous id follows on read. */
  reset(): void
  /** Rereads from storage (the top-domain cookie wins over localStorage). */
  load(): void
}

/** The group entity behind `analytics.group()` with no arguments. */
export interface GroupEntity {
  id(): string | null
  id(value: string | null): string | null
  traits(): JSONObject
  traits(value: JSONObject | null): JSONObject
  /** Alias of `traits()`, as analytics.js has it. */
  properties(): JSONObject
  identify(id?: string | null, traits?: JSONObject): void
  reset(): void
  load(): void
}
