// Types of demo-server.mjs, for the TypeScript end-to-end tests.

export declare const DEFAULT_WRITE_KEY: string

/** A Segment-spec message; only the fields the tests read are named. */
export interface TrackingMessage {
  type?: string
  event?: string
  name?: string
  messageId?: string
  timestamp?: string
  anonymousId?: string
  userId?: string | null
  writeKey?: string
  sentAt?: string
  context?: {
    library?: { name?: string; version?: string }
    page?: { url?: string; [key: string]: unknown }
    [key: string]: unknown
  }
  _metadata?: unknown
  [key: string]: unknown
}

/** A message as the collector stored it, with its request's envelope. */
export interface ReceivedEvent {
  receivedAt: string
  /** Tracking API path the message came in on, such as `/v1/t` or `/v1/b`. */
  path: string
  /** From the message, the batch envelope or the Basic auth user name. */
  writeKey?: string
  /** From the message, or from the batch envelope. */
  sentAt?: string
  message: TrackingMessage
}

export interface VendorCall {
  receivedAt: string
  destination: string
  call: unknown
}

/** One tracking API request, kept whether it was accepted or not. */
export interface CollectorRequest {
  receivedAt: string
  path: string
  status: number
  body: string
}

export interface RecordLog<T> {
  list(): T[]
  clear(): void
  subscribe(
    listener: (change: { kind: 'append' | 'clear'; record?: T }) => void,
  ): () => void
  /**
   * Resolves with all records once `predicate` holds; rejects after
   * `timeoutMs` (default 10000) with the records received so far.
   */
  waitFor(
    predicate: (records: readonly T[]) => boolean,
    options?: { timeoutMs?: number; description?: string },
  ): Promise<T[]>
  /** Settles once every record appended so far is written to the file. */
  flushed(): Promise<void>
  /** JSON Lines file the records are appended to, if any. */
  file?: string
}

/** Milliseconds, or a function whose promise the response waits for. */
export type ResponseDelay = number | (() => Promise<unknown>)

export interface SettingsContext {
  /** Write key from the settings request path. */
  writeKey: string
  /** Collector host and path without protocol, such as `127.0.0.1:8080/v1`. */
  apiHost: string
  /** This server's origin, such as `http://127.0.0.1:8080`. */
  origin: string
}

export interface DemoServerOptions {
  /** Port on 127.0.0.1; default 0, a free port. */
  port?: number
  /** Folder of `events.jsonl`; default `.data` in the repository. */
  dataDir?: string
  /** Write key in the shop page's snippet; default `demoWriteKey`. */
  writeKey?: string
  /** Settings served for every write key, or a function building them. */
  settings?: object | ((context: SettingsContext) => object)
  /** Folder of `analytics.min.js`; default `dist` in the repository. */
  distDir?: string
  delays?: { bundle?: ResponseDelay; settings?: ResponseDelay }
  /** Turns on every bundled destination against stand-in vendor scripts. */
  destinations?: boolean
  /** Receives one line per stored message and per unexpected error. */
  log?: (line: string) => void
}

export interface DemoServer {
  /** The shop page, such as `http://127.0.0.1:8080/`. */
  url: string
  origin: string
  port: number
  events: RecordLog<ReceivedEvent>
  vendorCalls: RecordLog<VendorCall>
  /** The last 1000 tracking API requests, oldest first. */
  requests: CollectorRequest[]
  /** Makes the next `count` tracking API requests fail with `status`. */
  failNext(
    count: number,
    status?: number,
    headers?: Record<string, string>,
  ): void
  /** Response delays, read on each request, so they can be changed live. */
  delays: { bundle?: ResponseDelay; settings?: ResponseDelay }
  close(): Promise<void>
}

export declare function startDemoServer(
  options?: DemoServerOptions,
): Promise<DemoServer>

export interface SettingsOptions {
  writeKey: string
  apiHost: string
  protocol?: 'http' | 'https'
  /** Default: batches of 10, sent at least every second. Pass `null` to omit. */
  deliveryStrategy?: object | null
  httpConfig?: object
  /** Further destinations, by Segment name. */
  integrations?: Record<string, object>
}

/** The demo's delivery strategy: batches of up to 10, sent at least every second. */
export declare const DEMO_DELIVERY_STRATEGY: {
  strategy: 'batching'
  config: { size: number; timeout: number }
}

/** Builds settings in the shape of Segment's CDN settings. */
export declare function buildSettings(options: SettingsOptions): object
