import { createLogger } from '../debug'
import { InvalidArgumentError } from '../errors'
import { isPlainObject, setOwn } from './merge'
import type { JSONObject } from './types'

const log = createLogger('message')

/** Deeper nesting than this is rejected rather than risking a stack overflow. */
export const MAX_DEPTH = 500

/**
 * Copies plain objects and arrays so later changes by the page do not alter
 * a message that is already built, and rejects what JSON cannot carry: a
 * circular reference, a `BigInt`, or nesting deeper than `MAX_DEPTH`.
 * A `Map` becomes an object (keys through `String`), a `Set` or a typed
 * array becomes an array. Functions and symbols are left out (`null` in an
 * array, as JSON does), with a debug note naming the path.
 */
export function copyPayload(value: JSONObject, where: string): JSONObject {
  return copy(value, where, new Set<object>(), 0) as JSONObject
}

function copy(
  value: unknown,
  path: string,
  ancestors: Set<object>,
  depth: number,
): unknown {
  if (typeof value === 'bigint') {
    throw new InvalidArgumentError(
      `${shortPath(path)} is a BigInt (${value}n), which JSON cannot send. Convert it with String() or Number() first.`,
    )
  }
  if (typeof value === 'function' || typeof value === 'symbol') {
    log.debug(
      `${shortPath(path)} is a ${typeof value}, which JSON cannot send; it was left out.`,
    )
    return undefined
  }
  if (typeof value !== 'object' || value === null) return value
  if (value instanceof Map) {
    return copy(mapToObject(value), path, ancestors, depth)
  }
  if (value instanceof Set || isTypedArray(value)) {
    const items = Array.from(value as Iterable<unknown>)
    return copy(items, path, ancestors, depth)
  }
  if (!Array.isArray(value) && !isPlainObject(value)) return value

  if (ancestors.has(value)) {
    throw new InvalidArgumentError(
      `${shortPath(path)} refers back to one of its own parents (a circular object), which JSON cannot send. Pass a copy without the cycle.`,
    )
  }
  if (depth >= MAX_DEPTH) {
    throw new InvalidArgumentError(
      `${shortPath(path)} is nested deeper than ${MAX_DEPTH} levels. Flatten it before sending.`,
    )
  }

  ancestors.add(value)
  let result: unknown
  if (Array.isArray(value)) {
    // JSON sends a left-out function or symbol in an array as null.
    result = value.map((item, index) => {
      const copied = copy(item, `${path}[${index}]`, ancestors, depth + 1)
      return copied === undefined && item !== undefined ? null : copied
    })
  } else {
    const out: JSONObject = {}
    for (const key of readKeys(value, path)) {
      const child = readKey(value as JSONObject, key, path)
      const copied = copy(child, `${path}.${key}`, ancestors, depth + 1)
      if (copied === undefined && child !== undefined) continue
      setOwn(out, key, copied)
    }
    result = out
  }
  ancestors.delete(value)
  return result
}

/** Tells whether a value is a typed array: a view other than a DataView. */
function isTypedArray(value: object): boolean {
  return ArrayBuffer.isView(value) && !(value instanceof DataView)
}

/** Turns a Map into an object, each key through `String`, later keys winning. */
function mapToObject(map: Map<unknown, unknown>): JSONObject {
  const object: JSONObject = {}
  for (const [key, value] of map) setOwn(object, String(key), value)
  return object
}

/** Lists an object's keys, turning a throwing Proxy trap into a clear error. */
function readKeys(value: object, path: string): string[] {
  try {
    return Object.keys(value)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new InvalidArgumentError(
      `${shortPath(path)} could not be read (${reason}). Pass plain data, not objects with getters or proxies.`,
    )
  }
}

/** Reads one key, turning a throwing getter or Proxy trap into a clear error. */
function readKey(value: JSONObject, key: string, path: string): unknown {
  try {
    return value[key]
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new InvalidArgumentError(
      `${shortPath(`${path}.${key}`)} could not be read (${reason}). Pass plain data, not objects with getters or proxies.`,
    )
  }
}

/** Keeps error messages short for deeply nested paths. */
function shortPath(path: string): string {
  return path.length <= 80 ? path : `${path.slice(0, 40)}…${path.slice(-30)}`
}
