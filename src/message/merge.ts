import type { JSONObject } from './types'

export function isPlainObject(value: unknown): value is JSONObject {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** Merges `source` into a copy of `target`, recursing into plain objects. */
export function deepMerge(target: JSONObject, source: JSONObject): JSONObject {
  const result: JSONObject = { ...target }
  for (const key of Object.keys(source)) {
    const incoming = source[key]
    const existing = result[key]
    result[key] =
      isPlainObject(existing) && isPlainObject(incoming)
        ? deepMerge(existing, incoming)
        : incoming
  }
  return result
}
