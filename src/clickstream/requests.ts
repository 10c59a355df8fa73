import type { DeliveryConfig } from './config'
import type { QueueEntry } from './queue'
import {
  batchBody,
  batchEnvelopeBytes,
  pathFor,
  singleEventBody,
  singleOverheadBytes,
} from './wire'

export interface OutgoingRequest {
  url: string
  body: string
}

/** Turns planned groups of events into HTTP Tracking API requests. */
export interface RequestBuilder {
  /** Builds the request of a group: one event, or a `/b` batch when batching. */
  build(group: readonly QueueEntry[], sentAt: string): OutgoingRequest
  /** Returns the body bytes that `build` produces for the group. */
  bodyBytes(group: readonly QueueEntry[]): number
  /** Bytes of a batch body without events. */
  readonly envelopeBytes: number
}

export function createRequestBuilder(config: DeliveryConfig): RequestBuilder {
  const endpoint = config.endpoint ?? ''
  const envelopeBytes = batchEnvelopeBytes(config.authKey)
  const singleOverhead = singleOverheadBytes(config.authKey)

  return {
    envelopeBytes,

    build(group, sentAt) {
      if (config.batching) {
        const jsons = group.map((entry) => entry.json)
        return {
          url: `${endpoint}/b`,
          body: batchBody(jsons, config.authKey, sentAt),
        }
      }
      const [entry] = group
      const path = entry ? pathFor(entry.record.event.type) : undefined
      return {
        url: `${endpoint}${path ?? ''}`,
        body: singleEventBody(entry?.json ?? '{}', config.authKey, sentAt),
      }
    },

    bodyBytes(group) {
      const eventBytes = group.reduce((sum, entry) => sum + entry.bytes, 0)
      if (!config.batching) return eventBytes + singleOverhead
      // One comma separates each event from the one before it.
      return envelopeBytes + eventBytes + Math.max(0, group.length - 1)
    },
  }
}
