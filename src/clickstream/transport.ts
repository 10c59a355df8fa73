import { getFetch, getNavigator, getWindow } from '../global-scope'
import type { RateLimitHeaders } from './retry-policy'

export type SendResult =
  | ({ kind: 'response'; status: number } & RateLimitHeaders)
  | { kind: 'network_error'; detail: string }

/**
 * Cancels a request, whose result becomes a network error. A keepalive
 * request is meant to outlive the page, so its abort leaves it running.
 */
export type AbortRequest = () => void

export interface Transport {
  /**
   * Posts the body and calls `onResult` once with the outcome, which is a
   * network error after `timeoutMs`. With `keepalive` the request may
   * outlive the page, and the Fetch standard caps such bodies at 64 KiB in
   * flight.
   */
  send(
    url: string,
    body: string,
    timeoutMs: number,
    keepalive: boolean,
    onResult: (result: SendResult) => void,
  ): AbortRequest
  /** Whether `fetch` honours `keepalive`. Firefox ignored it until late 2024 (MDN, Request.keepalive). */
  readonly supportsKeepalive: boolean
  /** Queues the body with `navigator.sendBeacon`. Returns false when not queued. */
  beacon(url: string, body: string): boolean
}

function detectKeepalive(RequestClass: typeof Request): boolean {
  try {
    return new RequestClass('data:,', { keepalive: true }).keepalive === true
  } catch {
    // A Request constructor that rejects the option cannot keep requests alive.
    return false
  }
}

/**
 * Returns undefined outside a browser window (Node, SSR, workers) and where
 * there is no `fetch`, so a server render never posts events.
 */
export function createTransport(): Transport | undefined {
  const fetchImpl = getFetch()
  const window = getWindow()
  if (!fetchImpl || !window) return undefined

  return {
    supportsKeepalive: detectKeepalive(window.Request),

    send(url, body, timeoutMs, keepalive, onResult) {
      const controller = new AbortController()
      let settled = false
      // The first outcome wins, so a timeout settles the request even where
      // fetch ignores the abort signal.
      const settle = (result: SendResult): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        onResult(result)
      }
      const stop = (detail: unknown): void => {
        settle({ kind: 'network_error', detail: String(detail) })
        controller.abort()
      }
      const timer = setTimeout(
        stop,
        timeoutMs,
        `timed out after ${timeoutMs} ms`,
      )
      let sent: Promise<Response>
      try {
        // Started at once, because a page exit may end the page right after.
        sent = fetchImpl(url, {
          method: 'POST',
          body,
          // `text/plain` keeps the POST a CORS simple request, sent without
          // a preflight. The collector parses the body as JSON regardless.
          headers: { 'Content-Type': 'text/plain' },
          keepalive,
          signal: controller.signal,
        })
      } catch (error) {
        // A fetch that throws settles as a network error too, and later, so
        // `onResult` never runs before `send` returns.
        sent = Promise.reject(error)
      }
      sent.then((response) => {
        // Reading the body frees the connection. Its content is not needed.
        response.text().catch(() => undefined)
        const { headers } = response
        settle({
          kind: 'response',
          status: response.status,
          retryAfter: headers.get('Retry-After'),
          rateLimitReset: headers.get('x-ratelimit-reset'),
        })
      }, stop)
      return () => {
        if (!keepalive) stop('aborted')
      }
    },

    beacon(url, body) {
      try {
        return getNavigator()!.sendBeacon(url, body)
      } catch {
        // sendBeacon throws on an invalid URL, and calling a missing one
        // throws too. Neither may break the page exit.
        return false
      }
    },
  }
}
