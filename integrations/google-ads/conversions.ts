import { mapEvent, normalizeEventName } from '../../src/integration/mappings'
import { isPlainObject } from '../../src/message/merge'

/** One Google Ads conversion action a Segment event or page name fires. */
export interface Conversion {
  /** The conversion label, the part of `send_to` after the slash. */
  id: string
  /** An account other than the destination's `accountId`, if set. */
  accountId?: string
}

/**
 * Returns the conversions mapped to `event`, in settings order. Segment's
 * settings deliver a list of `{ value: { event, id, accountId } }`, of
 * `{ key, value }` pairs or of bare `{ event, id, accountId }` entries. An
 * object of event name to label, or to `{ id, accountId }`, works too.
 * Names match ignoring case and separators.
 */
export function conversionsFor(mapping: unknown, event: string): Conversion[] {
  if (!Array.isArray(mapping)) return mapEvent(mapping, event).flatMap(toList)
  const wanted = normalizeEventName(event)
  return mapping.flatMap((entry) => {
    if (!isPlainObject(entry)) return []
    const inner = isPlainObject(entry.value) ? entry.value : undefined
    const name = inner?.event ?? entry.key ?? entry.event
    if (typeof name !== 'string' || normalizeEventName(name) !== wanted)
      return []
    return toList(inner ?? ('key' in entry ? entry.value : entry))
  })
}

/** Reads a label, a `{ id, accountId }` object, or a list of either. */
function toList(value: unknown): Conversion[] {
  if (Array.isArray(value)) return value.flatMap(toList)
  const id = isPlainObject(value) ? value.id : value
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return []
  const conversion: Conversion = { id: String(id) }
  const accountId = isPlainObject(value) ? value.accountId : undefined
  if (typeof accountId === 'string' && accountId) {
    conversion.accountId = accountId
  }
  return [conversion]
}

/** Builds the gtag `send_to` target: an account, a slash, a conversion label. */
export function sendTo(conversion: Conversion, accountId: string): string {
  return `${conversion.accountId || accountId}/${conversion.id}`
}
