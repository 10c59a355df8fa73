import type { DropReason } from './errors'
import type { DestinationStatus } from './integration/types'
import type { CallOptions, JSONObject, SegmentEvent } from './message/types'
import type { CDNSettings } from './settings/types'

export interface DropNotice {
  reason: DropReason
  messageId?: string
  event?: SegmentEvent
  /** The destination that did not receive it; absent when no one did. */
  destination?: string
  status?: number
  detail?: string
}

/** Events emitted on the instance, name to listener arguments. */
export interface AnalyticsEvents {
  initialize: [settings: CDNSettings | undefined]
  ready: []
  invoke: [message: SegmentEvent]
  track: [event: string, properties: JSONObject, options: CallOptions]
  page: [
    category: string | null,
    name: string | null,
    properties: JSONObject,
    options: CallOptions,
  ]
  screen: [
    category: string | null,
    name: string | null,
    properties: JSONObject,
    options: CallOptions,
  ]
  identify: [userId: string | null, traits: JSONObject, options: CallOptions]
  group: [groupId: string | null, traits: JSONObject, options: CallOptions]
  alias: [userId: string, previousId: string, options: CallOptions]
  reset: []
  delivered: [message: SegmentEvent]
  dropped: [notice: DropNotice]
  destination_status: [name: string, status: DestinationStatus]
}
