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

/**
 * Cuts the argument list at the first function, which becomes the callback.
 * Returns the slots before it, and the callback.
 */
function takeCallback(args: Slot[]): [slots: Slot[], callback?: Callback] {
  const at = args.findIndex((value) => typeof value === 'function')
  return at === -1 ? [args] : [args.slice(0, at), args[at] as Callback]
}

/** Returns the message of an invalid argument: the call, the value and the fix. */
export function invalidArgument(
  method: string,
  argument: string,
  value: unknown,
  fix: string,
): string {
  return `analytics.${method}: invalid ${argument} ${describe(value)}. ${fix}`
}

function fail(
  method: string,
  argument: string,
  value: unknown,
  fix: string,
): never {
  throw new InvalidArgumentError(invalidArgument(method, argument, value, fix))
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

/** Returns a string as it is, a finite number as a string, and undefined for anything else. */
export function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
}

function readObject(
  method: string,
  argument: string,
  value: Slot,
  fix?: string,
): JSONObject {
  if (value === undefined || value === null) return {}
  if (isPlainObject(value)) return value
  return fail(
    method,
    argument,
    value,
    fix ?? `Pass an object of ${argument}, or null.`,
  )
}

/**
 * Reads the options slot and checks the per-call option fields that have a
 * meaning of their own, so a wrong type is reported here rather than
 * breaking routing or the wire format later. Numeric ids become strings,
 * and other fields are left as given.
 */
function readOptions(method: string, value: Slot): CallOptions {
  const options = readObject(
    method,
    'options',
    value,
    'Pass an object such as { integrations: { All: true } }, or null.',
  ) as CallOptions
  for (const key of ['integrations', 'context', 'traits'] as const) {
    const field = options[key]
    if (field !== undefined && field !== null && !isPlainObject(field)) {
      fail(method, `options.${key}`, field, 'Pass an object, or leave it out.')
    }
  }

  let checked = options
  for (const key of ['anonymousId', 'userId'] as const) {
    const field: unknown = options[key]
    if (field === undefined || field === null || typeof field === 'string')
      continue
    checked = {
      ...checked,
      [key]:
        toText(field) ??
        fail(method, `options.${key}`, field, 'Pass a string.'),
    }
  }

  const timestamp: unknown = options.timestamp
  const time =
    timestamp instanceof Date ||
    typeof timestamp === 'string' ||
    typeof timestamp === 'number'
      ? new Date(timestamp).getTime()
      : Number.NaN
  if (timestamp !== undefined && timestamp !== null && Number.isNaN(time)) {
    fail(
      method,
      'options.timestamp',
      timestamp,
      'Pass a Date, an ISO 8601 string or milliseconds since the epoch.',
    )
  }
  return checked
}

function readId(
  method: string,
  argument: string,
  value: Slot,
): string | null | undefined {
  if (value === undefined || value === null) return value
  return (
    toText(value) ?? fail(method, argument, value, 'Pass a string or a number.')
  )
}

function isName(value: Slot): boolean {
  return toText(value) !== undefined
}

/** `track(event, properties?, options?, callback?)` or `track({ event, properties }, options?)`. */
export function resolveTrack(args: Slot[]): ResolvedTrack {
  const [slots, callback] = takeCallback(args)
  let [event, properties, options] = slots

  if (isPlainObject(event)) {
    options = properties
    properties = event.properties
    event = event.event
  }
  const name = toText(event)
  if (!name?.trim()) {
    fail(
      'track',
      'event name',
      event,
      "Call analytics.track('Event Name', { ...properties }).",
    )
  }

  return {
    event: name,
    properties: readObject('track', 'properties', properties),
    options: readOptions('track', options),
    callback,
  }
}

/**
 * `page(category?, name?, properties?, options?, callback?)`; `screen`
 * shares it. One string is the name; two are category and name.
 */
export function resolvePage(args: Slot[], method = 'page'): ResolvedPage {
  const [slots, callback] = takeCallback(args)
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
    properties: readObject(method, 'properties', properties),
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
  return (
    toText(value) ??
    fail(method, argument, value, 'Pass a string, or null to leave it out.')
  )
}

/** `identify(id?, traits?, options?, callback?)`; `group` shares it. */
export function resolveUser(
  args: Slot[],
  method: 'identify' | 'group',
): ResolvedUser {
  const [slots, callback] = takeCallback(args)
  let [id, traits, options] = slots

  if (isPlainObject(id)) {
    options = traits
    traits = id
    id = undefined
  }

  return {
    id: readId(method, method === 'group' ? 'group id' : 'user id', id),
    traits: readObject(method, 'traits', traits),
    options: readOptions(method, options),
    callback,
  }
}

/** `alias(to, from?, options?, callback?)`. */
export function resolveAlias(args: Slot[]): ResolvedAlias {
  const [slots, callback] = takeCallback(args)
  const to = slots[0]
  let [, from, options] = slots

  if (isPlainObject(from)) {
    options = from
    from = null
  }
  const target = readId('alias', 'new user id', to)
  if (!target) {
    fail('alias', 'new user id', to, "Call analytics.alias('new-user-id').")
  }

  return {
    to: target,
    from: readId('alias', 'previous id', from) ?? null,
    options: readOptions('alias', options),
    callback,
  }
}
