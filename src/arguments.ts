import { InvalidArgumentError } from './errors'
import { isPlainObject } from './message/merge'
import type { Callback, CallOptions, JSONObject } from './message/types'

/**
 * Resolution of the overloaded call shapes of analytics.js, following
 * classic analytics.js. A callback may sit in any slot: the first function
 * wins and the slots after it are ignored. `null` keeps a slot empty and
 * numeric ids become strings. An object where a string belongs shifts the
 * remaining arguments left.
 */

export interface ResolvedTrack {
  event: string
  properties: JSONObject
  options: CallOptions
  callback?: Callback
}

export interface ResolvedPage {
  category: string | null
  name: string | null
  properties: JSONObject
  options: CallOptions
  callback?: Callback
}

export interface ResolvedUser {
  /** `undefined` when the call named no id, so the stored one applies. */
  id: string | null | undefined
  traits: JSONObject
  options: CallOptions
  callback?: Callback
}

export interface ResolvedAlias {
  to: string
  from: string | null
  options: CallOptions
  callback?: Callback
}

type Slot = unknown

/** Cuts the argument list at the first function, which becomes the callback. */
function takeCallback(args: Slot[]): { slots: Slot[]; callback?: Callback } {
  const at = args.findIndex((value) => typeof value === 'function')
  if (at === -1) return { slots: args }
  return { slots: args.slice(0, at), callback: args[at] as Callback }
}

function fail(
  method: string,
  argument: string,
  value: unknown,
  fix: string,
): never {
  throw new InvalidArgumentError(
    `analytics.${method}: invalid ${argument} ${describe(value)}. ${fix}`,
  )
}

export function describe(value: unknown): string {
  if (value === undefined) return '(undefined)'
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value === 'bigint') return `${value}n (a BigInt)`
  if (typeof value === 'symbol') return 'a symbol'
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  return `${String(value)} (a ${typeof value})`
}

function readObject(
  method: string,
  argument: string,
  value: Slot,
  fix: string,
): JSONObject {
  if (value === undefined || value === null) return {}
  if (isPlainObject(value)) return value
  return fail(method, argument, value, fix)
}

function readOptions(method: string, value: Slot): CallOptions {
  const options = readObject(
    method,
    'options',
    value,
    'Pass an object such as { integrations: { All: true } }, or null.',
  ) as CallOptions
  return checkOptionFields(method, options)
}

/**
 * Checks the per-call option fields that have a meaning of their own, so a
 * wrong type is reported here rather than breaking routing or the wire
 * format later. Numeric ids become strings; other fields are left as given.
 */
function checkOptionFields(method: string, options: CallOptions): CallOptions {
  for (const key of ['integrations', 'context', 'traits'] as const) {
    const value = options[key]
    if (value !== undefined && value !== null && !isPlainObject(value)) {
      fail(method, `options.${key}`, value, 'Pass an object, or leave it out.')
    }
  }

  let checked = options
  for (const key of ['anonymousId', 'userId'] as const) {
    const value: unknown = options[key]
    if (value === undefined || value === null || typeof value === 'string')
      continue
    if (typeof value === 'number' && Number.isFinite(value)) {
      checked = { ...checked, [key]: String(value) }
      continue
    }
    fail(method, `options.${key}`, value, 'Pass a string.')
  }

  const timestamp: unknown = options.timestamp
  if (timestamp !== undefined && timestamp !== null) {
    const time =
      timestamp instanceof Date
        ? timestamp.getTime()
        : typeof timestamp === 'string' || typeof timestamp === 'number'
          ? new Date(timestamp).getTime()
          : Number.NaN
    if (Number.isNaN(time)) {
      fail(
        method,
        'options.timestamp',
        timestamp,
        'Pass a Date, an ISO 8601 string or milliseconds since the epoch.',
      )
    }
  }
  return checked
}

function readId(
  method: string,
  argument: string,
  value: Slot,
): string | null | undefined {
  if (value === undefined) return undefined
  if (value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return fail(method, argument, value, 'Pass a string or a number.')
}

function isName(value: Slot): value is string | number {
  return (
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value))
  )
}

/** `track(event, properties?, options?, callback?)` or `track({ event, properties }, options?)`. */
export function resolveTrack(args: Slot[]): ResolvedTrack {
  const { slots, callback } = takeCallback(args)
  let [event, properties, options] = slots

  if (isPlainObject(event)) {
    options = properties
    properties = event.properties
    event = event.event
  }
  if (typeof event === 'number' && Number.isFinite(event)) event = String(event)
  if (typeof event !== 'string' || event.trim() === '') {
    fail(
      'track',
      'event name',
      event,
      "Call analytics.track('Event Name', { ...properties }).",
    )
  }

  return {
    event,
    properties: readObject(
      'track',
      'properties',
      properties,
      'Pass an object of properties, or null.',
    ),
    options: readOptions('track', options),
    callback,
  }
}

/**
 * `page(category?, name?, properties?, options?, callback?)`; `screen`
 * shares it. One string is the name; two are category and name.
 */
export function resolvePage(args: Slot[], method = 'page'): ResolvedPage {
  const { slots, callback } = takeCallback(args)
  let [category, name, properties, options] = slots

  if (isPlainObject(category)) {
    options = name
    properties = category
    name = category = null
  } else if (isPlainObject(name)) {
    options = properties
    properties = name
    name = null
  }
  if (isName(category) && !isName(name)) {
    name = category
    category = null
  }

  return {
    category: readName(method, 'category', category),
    name: readName(method, 'name', name),
    properties: readObject(
      method,
      'properties',
      properties,
      'Pass an object of properties, or null.',
    ),
    options: readOptions(method, options),
    callback,
  }
}

function readName(
  method: string,
  argument: string,
  value: Slot,
): string | null {
  if (value === undefined || value === null) return null
  if (isName(value)) return String(value)
  return fail(
    method,
    argument,
    value,
    'Pass a string, or null to leave it out.',
  )
}

/** `identify(id?, traits?, options?, callback?)`; `group` shares it. */
export function resolveUser(
  args: Slot[],
  method: 'identify' | 'group',
): ResolvedUser {
  const { slots, callback } = takeCallback(args)
  let [id, traits, options] = slots

  if (isPlainObject(id)) {
    options = traits
    traits = id
    id = undefined
  }

  return {
    id: readId(method, method === 'group' ? 'group id' : 'user id', id),
    traits: readObject(
      method,
      'traits',
      traits,
      'Pass an object of traits, or null.',
    ),
    options: readOptions(method, options),
    callback,
  }
}

/** `alias(to, from?, options?, callback?)`. */
export function resolveAlias(args: Slot[]): ResolvedAlias {
  const { slots, callback } = takeCallback(args)
  const to = slots[0]
  let [, from, options] = slots

  if (isPlainObject(from)) {
    options = from
    from = null
  }
  const target = readId('alias', 'new user id', to)
  if (target === undefined || target === null || target === '') {
    fail('alias', 'new user id', to, "Call analytics.alias('new-user-id').")
  }

  return {
    to: target,
    from: readId('alias', 'previous id', from) ?? null,
    options: readOptions('alias', options),
    callback,
  }
}
