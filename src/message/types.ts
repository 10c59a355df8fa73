/** A JSON-like object, as Segment's spec allows in properties and traits. */
export type JSONObject = Record<string, unknown>

export type EventType =
  'track' | 'page' | 'screen' | 'identify' | 'group' | 'alias'

/**
 * The `integrations` routing object: destination name to `true`, `false` or
 * per-call options (an object, which counts as enabled).
 */
export type IntegrationsOptions = Record<
  string,
  boolean | JSONObject | undefined
>

export interface CampaignContext {
  name?: string
  source?: string
  medium?: string
  term?: string
  content?: string
  [key: string]: string | undefined
}

export interface PageContext {
  path: string
  referrer: string
  search: string
  title: string
  url: string
}

export interface MessageContext extends JSONObject {
  library: { name: string; version: string }
  page?: PageContext
  userAgent?: string
  locale?: string
  timezone?: string
  campaign?: CampaignContext
  referrer?: { type: string; id: string }
  traits?: JSONObject
}

export interface MessageMetadata {
  bundled: string[]
  unbundled: string[]
  bundledIds: string[]
}

/** One Segment-spec message, built once at call time. */
export interface SegmentEvent {
  type: EventType
  messageId: string
  timestamp: string
  anonymousId: string
  userId?: string | null
  event?: string
  name?: string
  category?: string | null
  properties?: JSONObject
  traits?: JSONObject
  groupId?: string
  previousId?: string
  context: MessageContext
  integrations: IntegrationsOptions
  _metadata?: MessageMetadata
  sentAt?: string
  writeKey?: string
}

/** Per-call options, with Segment's names. Unknown keys go into context. */
export interface CallOptions extends JSONObject {
  integrations?: IntegrationsOptions
  anonymousId?: string
  userId?: string
  timestamp?: Date | string | number
  context?: JSONObject
  traits?: JSONObject
}

export type Callback = (context?: unknown) => void
