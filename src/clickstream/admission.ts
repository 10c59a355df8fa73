import type { DropReason } from '../errors'
import type { SegmentEvent } from '../message/types'
import type { QueueEntry } from './queue'
import type { StoredEvent } from './queue-store'
import {
  MAX_EVENT_BYTES,
  pathFor,
  utf8ByteLength,
  withoutRequestFields,
} from './wire'

/** An event that cannot enter the queue, and why. */
export interface Rejection {
  event: SegmentEvent
  reason: DropReason
  detail: string
}

function serialize(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    // JSON.stringify throws on cycles and BigInt values. The caller reports the drop.
    return undefined
  }
}

/** Returns the key of the entry with the most JSON bytes, and those bytes. */
function largestOf(value: object): [key: string, bytes: number] {
  let largest: [string, number] = ['', -1]
  for (const [key, item] of Object.entries(value)) {
    const bytes = utf8ByteLength(serialize(item) || '')
    if (bytes > largest[1]) largest = [key, bytes]
  }
  return largest
}

/**
 * Names what makes an event too large: its biggest top-level field, or the
 * biggest value inside it when that value is at least half of the field,
 * by JSON bytes. A field made large by many small keys is named itself,
 * with its key count. Runs only on the drop path, so its cost does not
 * matter.
 */
function describeLargest(event: SegmentEvent): string {
  const [key, bytes] = largestOf(event)
  const value: unknown = event[key as keyof SegmentEvent]
  if (typeof value !== 'object' || !value || Array.isArray(value)) {
    return `${key} (${bytes} bytes)`
  }
  const [innerKey, innerBytes] = largestOf(value)
  return innerBytes * 2 >= bytes
    ? `${key}.${innerKey} (${innerBytes} bytes)`
    : `${key} (${bytes} bytes in ${Object.keys(value).length} keys)`
}

/**
 * Checks an event before it enters the queue and builds its entry, or
 * returns its rejection: the event must have a messageId and a known type,
 * serialize to JSON and stay within the HTTP Tracking API's 32 KB per event.
 * `stored` carries counters of an event restored from an earlier page load.
 */
export function admitEvent(
  event: SegmentEvent,
  stored: StoredEvent | undefined,
  sendBy: number,
): QueueEntry | Rejection {
  const reject = (reason: DropReason, detail: string): Rejection => ({
    event,
    reason,
    detail,
  })
  if (typeof event.messageId !== 'string' || event.messageId === '') {
    return reject('invalid_argument', 'the event has no messageId')
  }
  if (pathFor(event.type) === undefined) {
    return reject(
      'invalid_argument',
      `unknown event type ${String(event.type)}`,
    )
  }

  const copy = withoutRequestFields(event)
  const json = serialize(copy)
  if (json === undefined) {
    return reject('invalid_argument', 'the event cannot be serialized to JSON')
  }
  const bytes = utf8ByteLength(json)
  if (bytes > MAX_EVENT_BYTES) {
    return reject(
      'event_too_large',
      `${bytes} bytes, over ${MAX_EVENT_BYTES}; the largest field is ${describeLargest(copy)}`,
    )
  }

  const notBefore = (stored && stored.retryAt) || 0
  return {
    attempts: 0,
    rateLimitedRetries: 0,
    ...stored,
    event: copy,
    json,
    bytes,
    inFlight: false,
    notBefore,
    sendBy: Math.max(sendBy, notBefore),
    batchLimit: Infinity,
  }
}
