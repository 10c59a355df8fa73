import { InvalidArgumentError } from '../errors'
import { isPlainObject } from './merge'
import type { JSONObject } from './types'

/** Deeper nesting than this is rejected rather than risking a stack overflow. */
export const MAX_DEPTH = 500

/**
 * Copies plain objects and arrays so later changes by the page do not alter
 * a message that is already built, and rejects what JSON cannot carry: a
 * circular reference, a `BigInt`, or nesting deeper than `MAX_DEPTH`.
 * Functions and symbols are left as they are, so JSON drops them on send.
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
  if (typeof value !== 'object' || value === null) return value
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
    result = value.map((item, index) =>
      copy(item, `${path}[${index}]`, ancestors, depth + 1),
    )
  } else {
    const out: JSONObject = {}
    for (const key of readKeys(value, path)) {
      const child = readKey(value as JSONObject, key, path)
      const copied = copy(child, `${path}.${key}`, ancestors, depth + 1)
      // Assigning `__proto__` would set the prototype instead of a key.
      if (key === '__proto__') {
        Object.defineProperty(out, key, {
          value: copied,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      } else {
        out[key] = copied
      }
    }
    result = out
  }
  ancestors.delete(value)
  return result
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
