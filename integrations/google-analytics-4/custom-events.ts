import type { Identify, Track } from '@segment/facade'
import { normalizeEventName } from '../../src/integration/mappings'
import { isPlainObject } from '../../src/message/merge'
import { compact, type EventParams } from './ecommerce'

/** One gtag event a `customEventsAndParameters` entry asks for. */
export interface CustomEvent {
  name: string
  params: EventParams
}

/**
 * The events `customEventsAndParameters` maps a track call to, in setting
 * order. Each entry reads
 * `{ segmentEvent, googleEvent, parameters: [{ key: 'properties.title', value: 'title' }] }`:
 * each parameter's value is the message field at `key`, sent as `value`.
 */
export function customEvents(mappings: unknown, track: Track): CustomEvent[] {
  if (!Array.isArray(mappings)) return []
  const wanted = normalizeEventName(track.event() ?? '')
  const events: CustomEvent[] = []
  for (const mapping of mappings) {
    if (!isPlainObject(mapping)) continue
    const { segmentEvent, googleEvent, parameters } = mapping
    if (typeof segmentEvent !== 'string' || typeof googleEvent !== 'string')
      continue
    if (!googleEvent || normalizeEventName(segmentEvent) !== wanted) continue

    const params: EventParams = {}
    for (const [field, param] of mappingPairs(parameters)) {
      params[param] = fieldValue(track, field)
    }
    events.push({ name: googleEvent, params: compact(params) })
  }
  return events
}

/**
 * The user properties `userProperties` maps an identify call to: message
 * field (`traits.plan`) to GA4 user property (`plan`). A trait set to null
 * stays null, which clears the user property in GA4.
 */
export function userProperties(
  mapping: unknown,
  identify: Identify,
): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (const [field, property] of mappingPairs(mapping)) {
    const value = fieldValue(identify, field)
    if (value !== undefined) properties[property] = value
  }
  return properties
}

/**
 * The message field at a dotted path. Segment's facade reads ISO date strings
 * as dates; GA4 takes them back as the strings they were sent as.
 */
function fieldValue(facade: Track | Identify, path: string): unknown {
  const value: unknown = facade.proxy(path)
  return value instanceof Date ? value.toISOString() : value
}

/**
 * The `[key, value]` string pairs of a text map in either shape Segment's
 * settings carry: an object, or a list of `{ key, value }`.
 */
function mappingPairs(mapping: unknown): Array<[string, string]> {
  const entries = Array.isArray(mapping)
    ? mapping.map((entry) =>
        isPlainObject(entry) ? [entry.key, entry.value] : [],
      )
    : isPlainObject(mapping)
      ? Object.entries(mapping)
      : []
  return entries.filter(
    (pair): pair is [string, string] =>
      typeof pair[0] === 'string' &&
      pair[0] !== '' &&
      typeof pair[1] === 'string' &&
      pair[1] !== '',
  )
}
