import type { JSONObject } from '../message/types'

/**
 * Serializes a value as analytics.js stores it: JSON text, so an id is kept
 * with its quotes (`"abc-123"`) and traits as a JSON object.
 */
export function encodeStoredValue(value: unknown): string {
  return JSON.stringify(value)
}

/**
 * Parses stored text written by any analytics.js version or by hand. JSON
 * strings, objects and arrays are parsed. Any other text is the value itself,
 * so `abc-123` stays `abc-123` and a numeric id such as `007` or `1e5` keeps
 * its digits. Returns null for missing, empty, `null` and `undefined` text.
 */
export function decodeStoredValue(text: string | null): unknown {
  if (text === null) return null

  const trimmed = text.trim()
  if (/^(null|undefined)?$/.test(trimmed)) return null
  if (!/^["{[]/.test(trimmed)) return text

  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    // Malformed JSON such as a lone quote: keep the text as it was stored.
    return text
  }
}

/** Coerces a stored or given id to a string, or null when there is none. */
export function toId(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** Coerces stored traits to a plain object. Anything else becomes `{}`. */
export function toTraits(value: unknown): JSONObject {
  const isObject =
    typeof value === 'object' && value !== null && !Array.isArray(value)
  return isObject ? { ...(value as JSONObject) } : {}
}
