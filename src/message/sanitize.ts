import { createLogger } from '../debug'
import { InvalidArgumentError, messageOf } from '../errors'
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
    throw invalid(
      path,
      `is a BigInt (${value}n), which JSON cannot send. Convert it with String() or Number() first.`,
    )
  }
  if (typeof value === 'function' || typeof value === 'symbol') {
    log.debug(
      `${shortPath(path)} is a ${typeof value}, which JSON cannot send; it was left out.`,
    )
    return undefined
  }
  if (typeof value !== 'object' || value === null) return value

  let source: object = value
  if (value instanceof Map) {
    // Keys through `String`, later keys winning.
    const object: JSONObject = {}
    for (const [key, item] of value) setOwn(object, String(key), item)
    source = object
  } else if (
    value instanceof Set ||
    (ArrayBuffer.isView(value) && !(value instanceof DataView))
  ) {
    source = Array.from(value as Iterable<unknown>)
  } else if (!Array.isArray(value) && !isPlainObject(value)) {
    return value
  }

  if (ancestors.has(source)) {
    throw invalid(
      path,
      'is a circular reference, which JSON cannot send. Pass a copy without the cycle.',
    )
  }
  if (depth >= MAX_DEPTH) {
    throw invalid(
      path,
      `is nested deeper than ${MAX_DEPTH} levels. Flatten it before sending.`,
    )
  }

  ancestors.add(source)
  let result: unknown
  if (Array.isArray(source)) {
    // JSON sends a left-out function or symbol in an array as null.
    result = source.map((item: unknown, index) => {
      const copied = copy(item, `${path}[${index}]`, ancestors, depth + 1)
      return copied === undefined && item !== undefined ? null : copied
    })
  } else {
    // A throwing Proxy trap or getter becomes an error naming the path.
    const out: JSONObject = {}
    let keys: string[]
    try {
      keys = Object.keys(source)
    } catch (error) {
      throw unreadable(path, error)
    }
    for (const key of keys) {
      const keyPath = `${path}.${key}`
      let child: unknown
      try {
        child = (source as JSONObject)[key]
      } catch (error) {
        throw unreadable(keyPath, error)
      }
      const copied = copy(child, keyPath, ancestors, depth + 1)
      if (copied !== undefined || child === undefined) setOwn(out, key, copied)
    }
    result = out
  }
  ancestors.delete(source)
  return result
}

function invalid(path: string, problem: string): InvalidArgumentError {
  return new InvalidArgumentError(`${shortPath(path)} ${problem}`)
}

function unreadable(path: string, error: unknown): InvalidArgumentError {
  return invalid(
    path,
    `could not be read (${messageOf(error)}). Pass plain data, not objects with getters or proxies.`,
  )
}

/** Keeps error messages short for deeply nested paths. */
function shortPath(path: string): string {
  return path.length <= 80 ? path : `${path.slice(0, 40)}…${path.slice(-30)}`
}
