import { getFetch, getNavigator, getWindow } from '../global-scope'
import type { RateLimitHeaders } from './retry-policy'

export type SendResult =
  | ({ kind: 'response'; status: number } & RateLimitHeaders)
  | { kind: 'network_error'; detail: string }

export interface PendingRequest {
  /** Settles with the outcome and never rejects. */
  result: Promise<SendResult>
  /**
   * Cancels the request, whose result becomes a network error. A keepalive
   * request is meant to outlive the page, so this leaves it running.
   */
  abort(): void
}

export interface Transport {
  /**
   * Posts the body. The result is a network error after `timeoutMs`. With
   * `keepalive` the request may outlive the page, and the Fetch standard
   * caps such bodies at 64 KiB in flight.
   */
  send(
    url: string,
    body: string,
    timeoutMs: number,
    keepalive: boolean,
  ): PendingRequest
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

    send(url, body, timeoutMs, keepalive) {
      const controller = new AbortController()
      let stop!: (detail: string) => void
      let timer: ReturnType<typeof setTimeout> | undefined
      // The first outcome wins, so a timeout settles the result even where
      // fetch ignores the abort signal.
      const result = new Promise<SendResult>((resolve) => {
        stop = (detail) => {
          resolve({ kind: 'network_error', detail })
          controller.abort()
        }
        timer = setTimeout(stop, timeoutMs, `timed out after ${timeoutMs} ms`)
        const onError = (error: unknown): void => stop(String(error))
        try {
          fetchImpl(url, {
            method: 'POST',
            body,
            // `text/plain` keeps the POST a CORS simple request, sent without
            // a preflight. The collector parses the body as JSON regardless.
            headers: { 'Content-Type': 'text/plain' },
            keepalive,
            signal: controller.signal,
          }).then((response) => {
            // Reading the body frees the connection. Its content is not needed.
            response.text().catch(() => undefined)
            const { headers } = response
            resolve({
              kind: 'response',
              status: response.status,
              retryAfter: headers.get('Retry-After'),
              rateLimitReset: headers.get('x-ratelimit-reset'),
            })
          }, onError)
        } catch (error) {
          onError(error)
        }
      }).finally(() => clearTimeout(timer))
      return {
        result,
        abort() {
          if (!keepalive) stop('aborted')
        },
      }
    },

    beacon(url, body) {
      try {
        return getNavigator()!.sendBeacon(url, body)
      } catch {
        // sendBeacon throws on an invalid URL, and is missing in some test
        // environments. Neither may break the page exit.
        return false
      }
    },
  }
}
