import type { EventType, SegmentEvent } from '../message/types'
import { EVENT_METHODS } from '../pipeline/kept-calls'
import type { DeliveryConfig } from './config'
import type { QueueEntry } from './queue'

/** The HTTP Tracking API rejects larger events. */
export const MAX_EVENT_BYTES = 32 * 1024

/** Every batch body stays below this size, as the HTTP Tracking API requires. */
export const MAX_BATCH_BYTES = 500 * 1024

/** Request body bytes the Fetch standard allows in flight for keepalive fetches and beacons. */
export const KEEPALIVE_BUDGET_BYTES = 64 * 1024

/**
 * Returns the HTTP Tracking API path of an event type, which is its
 * initial: `/t` for track, `/s` for screen.
 */
export function pathFor(type: EventType): string | undefined {
  return EVENT_METHODS.has(type) ? `/${type[0]}` : undefined
}

/**
 * Counts the UTF-8 bytes a request body carries. A lone surrogate counts 3,
 * as fetch sends it as U+FFFD.
 */
export function utf8ByteLength(text: string): number {
  // Most events are ASCII, whose length is their size. The scan costs less
  // than encoding a copy of the text.
  if (!NON_ASCII.test(text)) return text.length
  encoder ??= new TextEncoder()
  return encoder.encode(text).length
}

const NON_ASCII = /[^\0-\x7f]/
let encoder: TextEncoder | undefined

/** Copies the event without the per-request fields that each send sets anew. */
export function withoutRequestFields(event: SegmentEvent): SegmentEvent {
  const copy = { ...event }
  delete copy.sentAt
  delete copy.writeKey
  return copy
}

function requestFields(authKey: string, sentAt: string): string {
  return `"writeKey":${JSON.stringify(authKey)},"sentAt":${JSON.stringify(sentAt)}`
}

/**
 * Builds the body of a single-event request from the event's JSON, a
 * non-empty object that must not contain `writeKey` or `sentAt`, so no key
 * appears twice.
 */
export function singleEventBody(
  eventJson: string,
  authKey: string,
  sentAt: string,
): string {
  return `${eventJson.slice(0, -1)},${requestFields(authKey, sentAt)}}`
}

/** Builds a `/b` body. Events carry no per-event `writeKey`. */
export function batchBody(
  eventJsons: readonly string[],
  authKey: string,
  sentAt: string,
): string {
  return `{"batch":[${eventJsons.join(',')}],${requestFields(authKey, sentAt)}}`
}

/** `toISOString()` output for years 0 to 9999, e.g. `2024-01-01T00:00:00.000Z`. */
const SENT_AT_SAMPLE = new Date(0).toISOString()

/** Returns the bytes a single-event body adds to its event's JSON. */
export function singleOverheadBytes(authKey: string): number {
  return utf8ByteLength(singleEventBody('{"x":0}', authKey, SENT_AT_SAMPLE)) - 7
}

/** Returns the bytes of a batch body beyond its events' JSON and commas. */
export function batchEnvelopeBytes(authKey: string): number {
  return utf8ByteLength(batchBody([], authKey, SENT_AT_SAMPLE))
}

/**
 * Builds the HTTP Tracking API request of a planned group: one event to its
 * type's path, or a `/b` batch when batching.
 */
export function buildRequest(
  config: DeliveryConfig,
  group: readonly QueueEntry[],
  sentAt: string,
): [url: string, body: string] {
  const { endpoint, authKey } = config
  const [first] = group
  return config.batching
    ? [
        `${endpoint}/b`,
        batchBody(
          group.map((entry) => entry.json),
          authKey,
          sentAt,
        ),
      ]
    : [
        `${endpoint}${pathFor(first.event.type)}`,
        singleEventBody(first.json, authKey, sentAt),
      ]
}

/** Returns the body bytes that `buildRequest` produces for the group. */
export function requestBytes(
  config: DeliveryConfig,
  group: readonly QueueEntry[],
): number {
  let bytes = 0
  for (const entry of group) bytes += entry.bytes
  // One comma separates each event of a batch from the one before it.
  return config.batching
    ? bytes + batchEnvelopeBytes(config.authKey) + group.length - 1
    : bytes + singleOverheadBytes(config.authKey)
}
