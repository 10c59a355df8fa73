import type { Identify, Track } from '@segment/facade'
import { normalizeEventName } from '../../src/integration/mappings'
import { isPlainObject } from '../../src/message/merge'
import { compact, type RecommendedEvent } from './ecommerce'

/**
 * Returns the events that `customEventsAndParameters` maps a track call to,
 * in setting order. An entry reads
 * `{ segmentEvent, googleEvent, parameters: [{ key: 'properties.title', value: 'title' }] }`,
 * and each parameter sends the message field at `key` as `value`. As in
 * Segment's destination, an entry without both names, or whose `parameters`
 * is set but is not a list, is skipped.
 */
export function customEvents(
  mappings: unknown,
  track: Track,
): RecommendedEvent[] {
  const eventName = normalizeEventName(track.event())
  return (Array.isArray(mappings) ? mappings : []).flatMap((mapping) => {
    const { segmentEvent, googleEvent, parameters } = isPlainObject(mapping)
      ? mapping
      : {}
    const list = parameters ?? []
    return isText(segmentEvent) &&
      isText(googleEvent) &&
      Array.isArray(list) &&
      normalizeEventName(segmentEvent) === eventName
      ? [{ name: googleEvent, params: compact(fields(list, track)) }]
      : []
  })
}

/**
 * Returns the user properties that `userProperties` maps an identify call
 * to. The mapping, an object or a list of `{ key, value }`, maps a message
 * field (`traits.plan`) to a GA4 user property (`plan`). A trait set to null
 * stays null, which clears the user property in GA4.
 */
export function userProperties(
  mapping: unknown,
  identify: Identify,
): Record<string, unknown> {
  return fields(
    Array.isArray(mapping)
      ? mapping
      : Object.entries(isPlainObject(mapping) ? mapping : {}).map(
          ([key, value]) => ({ key, value }),
        ),
    identify,
  )
}

/**
 * Reads the message field of each `{ key: field, value: name }` entry into
 * `name`, leaving out malformed entries and fields the message lacks.
 * Segment's facade reads ISO date strings as dates, so they go back to the
 * strings they were.
 */
function fields(
  entries: unknown[],
  facade: Track | Identify,
): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const entry of entries) {
    const { key, value: name } = isPlainObject(entry) ? entry : {}
    if (!isText(key) || !isText(name)) continue
    const value: unknown = facade.proxy(key)
    if (value !== undefined)
      values[name] = value instanceof Date ? value.toISOString() : value
  }
  return values
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}
