import { mapEvent, normalizeEventName } from '../../src/integration/mappings'
import { isPlainObject } from '../../src/message/merge'

/** One entry of the `eventMappings` setting, read into one shape. */
export interface EventMapping {
  /** Conversion label. A mapping without one sends no conversion tag. */
  label: string
  /** A conversion ID other than the destination's, if set. */
  conversionId?: string | number
  /** Also send a remarketing tag for this event. */
  remarketing: boolean
}

/**
 * Returns the mappings for `event`, in settings order. Segment's settings
 * deliver `{ key, value: { eventName, label, conversionId, remarketing } }`
 * entries, sometimes without `key` or without the `value` wrapper. An
 * object of event name to label works too. Names match ignoring case and
 * separators.
 */
export function mappingsFor(mapping: unknown, event: string): EventMapping[] {
  if (!Array.isArray(mapping)) return mapEvent(mapping, event).flatMap(read)
  const wanted = normalizeEventName(event)
  return mapping.flatMap((entry) => {
    if (!isPlainObject(entry)) return []
    const inner = isPlainObject(entry.value) ? entry.value : undefined
    const name = inner?.eventName ?? entry.key ?? entry.eventName
    if (typeof name !== 'string' || normalizeEventName(name) !== wanted)
      return []
    return read(inner ?? ('key' in entry ? entry.value : entry))
  })
}

/** Reads a label or a mapping object. */
function read(value: unknown): EventMapping[] {
  if (typeof value === 'string') return [{ label: value, remarketing: false }]
  if (!isPlainObject(value)) return []
  const { label, conversionId, remarketing } = value
  const mapping: EventMapping = {
    label: typeof label === 'string' ? label : '',
    remarketing: remarketing === true || remarketing === 'true',
  }
  if (typeof conversionId === 'string' || typeof conversionId === 'number') {
    if (conversionId !== '') mapping.conversionId = conversionId
  }
  return [mapping]
}

/**
 * Converts an all-digit conversion ID to a number, because Google's snippet
 * declares `google_conversion_id` as one. Other IDs stay unchanged.
 */
export function conversionIdOf(id: string | number): string | number {
  return typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
}
