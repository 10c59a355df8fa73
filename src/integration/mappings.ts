import { isPlainObject } from '../message/merge'

/**
 * An event mapping in any shape Segment's settings deliver: an object of
 * event name to value, a list of names, or a list of `{ key, value }` pairs.
 */
export type EventMapping =
  Record<string, unknown> | Array<string | { key?: unknown; value?: unknown }>

/**
 * Reduces an event name to lower-case letters and digits, so that
 * `order_completed`, `Order Completed` and `orderCompleted` all match, as
 * classic destinations compare them.
 */
export function normalizeEventName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/**
 * Reads a destination's own table by a name from a call or the settings.
 * Own keys only: "Constructor" normalises to `constructor`, which a plain
 * object lookup would find on Object.prototype.
 */
export function ownEntry<T>(
  table: Record<string, T>,
  key: string,
): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key)
    ? table[key]
    : undefined
}

/**
 * Returns every value the mapping gives for `event`, in mapping order. A
 * list of names yields each matching name; one event may map to several
 * values, and each is returned.
 */
export function mapEvent(mapping: unknown, event: string): unknown[] {
  const wanted = normalizeEventName(event)
  const values: unknown[] = []
  if (Array.isArray(mapping)) {
    for (const entry of mapping) {
      if (typeof entry === 'string') {
        if (normalizeEventName(entry) === wanted) values.push(entry)
      } else if (isPlainObject(entry) && typeof entry.key === 'string') {
        if (normalizeEventName(entry.key) === wanted) values.push(entry.value)
      }
    }
    return values
  }
  if (isPlainObject(mapping)) {
    for (const [key, value] of Object.entries(mapping)) {
      if (normalizeEventName(key) === wanted) values.push(value)
    }
  }
  return values
}

/** Returns true when the mapping names `event` at all. */
export function isMapped(mapping: unknown, event: string): boolean {
  return mapEvent(mapping, event).length > 0
}
