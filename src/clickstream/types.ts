import type { DropReason } from '../errors'
import type { Logger } from '../debug'
import type { SegmentEvent } from '../message/types'

/** Segment's `deliveryStrategy` setting of the `Segment.io` destination. */
export interface DeliveryStrategy {
  /** `standard` (default) sends one request per event, `batching` posts to `/b`. */
  strategy?: 'standard' | 'batching'
  config?: {
    /** Events per batch. Default 10, clamped to 1–1000. */
    size?: number
    /** Milliseconds to wait before sending a partial batch. Default 5000, clamped to 0–60000. */
    timeout?: number
  }
}

/** Values outside the documented ranges are clamped. Non-numbers fall back to the default. */
export interface BackoffConfig {
  /** Retries after the first attempt, for failures other than rate limits. Default 10, 0–1000. */
  maxRetryCount?: number
  /** Seconds before the first retry. Each later retry doubles it. Default 0.5, 0.1–60. */
  baseBackoffInterval?: number
  /** Seconds: the longest backoff wait. Default 60, from the base interval to 3600. */
  maxBackoffInterval?: number
  /** Random spread of each wait, in percent either way. Default 10, 0–100. */
  jitterPercent?: number
  /** Statuses 400–499 not listed elsewhere. Default `drop`. */
  default4xxBehavior?: 'drop' | 'retry'
  /** Statuses 500–599 not listed elsewhere. Default `retry`. */
  default5xxBehavior?: 'drop' | 'retry'
  /**
   * Behaviour per status code, e.g. `{ "400": "retry" }`. Overrides the
   * built-in lists, but 2xx always counts as delivered and 413 always splits.
   */
  statusCodeOverrides?: Record<string, 'drop' | 'retry'>
}

export interface RateLimitConfig {
  /** Retries after a 429 or a response with `Retry-After`. Default 100, 0–1000. */
  maxRetryCount?: number
  /** Seconds: the longest `Retry-After` honoured. Default 300, 1–3600. */
  maxRetryInterval?: number
}

export interface HttpConfig {
  backoffConfig?: BackoffConfig
  rateLimitConfig?: RateLimitConfig
  /** Milliseconds before a request counts as a network error. Default 10000, 1000–120000. */
  requestTimeout?: number
}

/** Options of the first-party destination (`Clickstream`, alias `Segment.io`). */
export interface ClickstreamSettings {
  /** Sent in place of the write key in request bodies when set. */
  apiKey?: string
  /**
   * Host and path prefix, without protocol, e.g. `api.segment.io/v1`. A value
   * that starts with `http://` or `https://` keeps its own protocol. Without
   * it events stay stored and nothing is sent.
   */
  apiHost?: string
  /** Default `https`. */
  protocol?: 'http' | 'https'
  deliveryStrategy?: DeliveryStrategy
  httpConfig?: HttpConfig
}

export interface DropNotice {
  reason: DropReason
  messageId: string
  event: SegmentEvent
  /** HTTP status when the collector rejected the event. */
  status?: number
  detail?: string
}

export interface DeliveryHooks {
  /** Called once per event, after the collector responded with a 2xx. */
  onDelivered(event: SegmentEvent): void
  /** Called once per event that will not be sent again. The caller logs it. */
  onDropped(notice: DropNotice): void
  logger: Logger
}

/** The first-party destination's delivery engine. */
export interface ClickstreamDelivery {
  /**
   * Stores the event (write-ahead), then schedules its send. The event is
   * copied without `sentAt` and `writeKey`, which each request sets anew.
   */
  enqueue(event: SegmentEvent): void
  /**
   * Applies settings that arrived after creation, such as the `apiHost`
   * from fetched settings. Events stored meanwhile then go out.
   */
  configure(settings: ClickstreamSettings): void
  /**
   * Sends every event that is ready, partial batches included, and settles
   * once nothing is in flight or ready to send. Events waiting for a backoff
   * or for the network stay stored and do not hold it up.
   */
  flush(): Promise<void>
  /**
   * Writes the queue's changes to localStorage now instead of at the end of
   * the task. Returns whether localStorage contains every queued event.
   */
  persistNow(): boolean
  /**
   * Stops timers and listeners and aborts requests in flight, except those
   * sent with keepalive at page exit. Their responses are ignored. The page
   * gives up its lock or lease, so another page or the next page load takes
   * the stored events over.
   */
  dispose(): void
}
