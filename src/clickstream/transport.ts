import { getFetch, getNavigator, getWindow } from '../global-scope'
import type { RateLimitHeaders } from './retry-policy'

export type SendResult =
  | ({ kind: 'response'; status: number } & RateLimitHeaders)
  | { kind: 'network_error'; detail: string }

export interface SendOptions {
  timeoutMs: number
  /** Lets the request outlive the page. The Fetch standard caps such bodies at 64 KiB in flight. */
  keepalive?: boolean
}

export interface PendingRequest {
  /** Settles with the outcome and never rejects. */
  result: Promise<SendResult>
  /** Cancels the request. Its result becomes a network error. */
  abort(): void
}

export interface Transport {
  send(url: string, body: string, options: SendOptions): PendingRequest
  /** Whether `fetch` honours `keepalive`. Firefox ignored it until late 2024 (MDN, Request.keepalive). */
  readonly supportsKeepalive: boolean
  /** Queues the body with `navigator.sendBeacon`. Returns false when not queued. */
  beacon(url: string, body: string): boolean
}

/**
 * `text/plain` keeps the POST a CORS simple request, so browsers send it
 * without a preflight. The collector parses the body as JSON regardless.
 */
const CONTENT_TYPE = 'text/plain'

function detectKeepalive(): boolean {
  const RequestClass = getWindow()?.Request
  if (!RequestClass) return false
  try {
    return new RequestClass('data:,', { keepalive: true }).keepalive === true
  } catch {
    // A Request constructor that rejects the option cannot keep requests alive.
    return false
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return String(error)
}

function createAbortController(): AbortController | undefined {
  return typeof AbortController === 'undefined'
    ? undefined
    : new AbortController()
}

async function fetchOnce(
  fetchImpl: typeof fetch,
  url: string,
  body: string,
  options: SendOptions,
  signal: AbortSignal | undefined,
): Promise<SendResult> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      body,
      headers: { 'Content-Type': CONTENT_TYPE },
      keepalive: options.keepalive === true,
      signal,
    })
    // Reading the body frees the connection. Its content is not needed.
    void response.text().catch(() => undefined)
    return {
      kind: 'response',
      status: response.status,
      retryAfter: response.headers.get('Retry-After'),
      rateLimitReset: response.headers.get('x-ratelimit-reset'),
    }
  } catch (error) {
    return { kind: 'network_error', detail: describeError(error) }
  }
}

/**
 * Sends one request that settles as a network error after `timeoutMs`, even
 * where AbortController is missing and the request itself keeps running.
 */
function startRequest(
  fetchImpl: typeof fetch,
  url: string,
  body: string,
  options: SendOptions,
): PendingRequest {
  const controller = createAbortController()
  let settle: (result: SendResult) => void = () => undefined
  const stopped = new Promise<SendResult>((resolve) => {
    settle = resolve
  })
  const stop = (detail: string): void => {
    settle({ kind: 'network_error', detail })
    controller?.abort()
  }
  const timer = setTimeout(
    () => stop(`timed out after ${options.timeoutMs} ms`),
    options.timeoutMs,
  )
  const sent = fetchOnce(fetchImpl, url, body, options, controller?.signal)
  const result = Promise.race([sent, stopped]).finally(() =>
    clearTimeout(timer),
  )
  return { result, abort: () => stop('aborted') }
}

/**
 * Returns undefined outside a browser window (Node, SSR, workers) and where
 * there is no `fetch`, so a server render never posts events.
 */
export function createTransport(): Transport | undefined {
  const fetchImpl = getFetch()
  if (!fetchImpl || !getWindow()) return undefined
  const supportsKeepalive = detectKeepalive()

  return {
    supportsKeepalive,

    send(url, body, options) {
      return startRequest(fetchImpl, url, body, options)
    },

    beacon(url, body) {
      const navigator = getNavigator()
      if (typeof navigator?.sendBeacon !== 'function') return false
      try {
        return navigator.sendBeacon(url, body)
      } catch {
        // sendBeacon throws on an invalid URL, which must not break the page exit.
        return false
      }
    },
  }
}
