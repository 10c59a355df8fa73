import type { JSONObject } from './types'

/**
 * Tells whether a value is a record of keys: a plain object, one made in
 * another frame, or a class instance, as Segment's analytics-next accepts
 * them. Arrays, dates, maps and other built-ins (by their `toString` tag)
 * are not.
 */
export function isPlainObject(value: unknown): value is JSONObject {
  // The tag of null is `[object Null]` and of an array `[object Array]`.
  return (
    typeof value === 'object' &&
    Object.prototype.toString.call(value) === '[object Object]'
  )
}

/**
 * Sets `key` as an own data property. Plain assignment of `__proto__` would
 * change the object's prototype instead and lose the value.
 */
export function setOwn(object: JSONObject, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  } else {
    object[key] = value
  }
}

/** Merges `source` into a copy of `target`, recursing into plain objects. */
export function deepMerge(target: JSONObject, source: JSONObject): JSONObject {
  const result: JSONObject = { ...target }
  for (const key of Object.keys(source)) {
    const incoming = source[key]
    const existing = Object.prototype.hasOwnProperty.call(result, key)
      ? result[key]
      : undefined
    setOwn(
      result,
      key,
      isPlainObject(existing) && isPlainObject(incoming)
        ? deepMerge(existing, incoming)
        : incoming,
    )
  }
  return result
}
