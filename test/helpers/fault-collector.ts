import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import timers from 'node:timers'

/** The collector's response to one POST. Fields combine, but `reset` and `hang` win. */
export interface ScriptedReply {
  /** Default 200. */
  status?: number
  headers?: OutgoingHttpHeaders
  /** Default `{"success":true}` for 2xx, empty otherwise. */
  body?: string
  /** Real milliseconds to wait before responding. */
  delayMs?: number
  /** Never responds. The socket closes only on `release` or `close`. */
  hang?: boolean
  /** Destroys the socket without a response, as a dropped connection does. */
  reset?: boolean
}

/** One request as the collector received it. */
export interface RecordedRequest {
  method: string
  /** Path with the `apiHost` prefix removed, e.g. `/t` or `/b`. */
  path: string
  headers: IncomingMessage['headers']
  rawBody: string
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: Record<string, unknown> | undefined
  /** `Date.now()` on arrival, so it follows a test's fake clock. */
  receivedAt: number
  /** Real milliseconds on arrival, from a monotonic clock. */
  receivedAtReal: number
}

export interface FaultCollector {
  /** Host and path prefix for the `apiHost` setting, e.g. `127.0.0.1:5123/v1`. */
  apiHost: string
  /** Every request, OPTIONS preflights included, in order of arrival. */
  requests: RecordedRequest[]
  /** Only the POSTs, in order of arrival. */
  posts(): RecordedRequest[]
  /** Queues replies for the next POSTs. Later POSTs get the default reply. */
  script(...replies: ScriptedReply[]): void
  /** Sets the reply for POSTs once the script is used up. Default 200. */
  setDefault(reply: ScriptedReply): void
  /** Resolves once `count` POSTs arrived, or rejects after `timeoutMs` real ms. */
  waitForPosts(count: number, timeoutMs?: number): Promise<RecordedRequest[]>
  /**
   * Responds to every request held back by `hang` with `reply` (default
   * 200), or destroys their sockets when `reply.reset` is set. Tests also
   * call it at the end, so no connection is left for the client to report
   * as cut.
   */
  release(reply?: ScriptedReply): void
  /** Forgets recorded requests, the script and the default reply. */
  reset(): void
  close(): Promise<void>
}

const PATH_PREFIX = '/v1'

// Captured at import: sinon fake timers replace the global timer functions
// and those of `node:timers`, and delays here must stay real under them.
const realSetTimeout = timers.setTimeout
const realClearTimeout = timers.clearTimeout
const realHrtime = process.hrtime.bigint

/**
 * Lets the test page's origin read every response and the rate-limit
 * headers, as a browser requires of a cross-origin collector.
 */
const CORS_HEADERS: OutgoingHttpHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-expose-headers': 'Retry-After, X-RateLimit-Reset',
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object'
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    // Beacons and broken clients may send anything. The raw body is kept.
    return undefined
  }
}

function monotonicMs(): number {
  return Number(realHrtime()) / 1e6
}

function respond(response: ServerResponse, reply: ScriptedReply): void {
  const status = reply.status ?? 200
  const success = status >= 200 && status < 300
  const body = reply.body ?? (success ? '{"success":true}' : '')
  response.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json',
    ...reply.headers,
  })
  response.end(body)
}

/**
 * Starts an HTTP Tracking API stand-in on 127.0.0.1 (port 0) whose responses
 * each test scripts: statuses, headers, delays, hangs and connection resets.
 */
export async function startFaultCollector(): Promise<FaultCollector> {
  const requests: RecordedRequest[] = []
  const waiters = new Set<() => void>()
  let script: ScriptedReply[] = []
  let fallback: ScriptedReply = {}
  const hungResponses = new Set<ServerResponse>()

  const server = createServer((request, response) => {
    void readBody(request).then((rawBody) => {
      requests.push({
        method: request.method ?? '',
        path: (request.url ?? '').replace(PATH_PREFIX, ''),
        headers: request.headers,
        rawBody,
        body: parseJson(rawBody),
        receivedAt: Date.now(),
        receivedAtReal: monotonicMs(),
      })
      for (const wake of waiters) wake()

      if (request.method !== 'POST') {
        response.writeHead(204, CORS_HEADERS).end()
        return
      }
      const reply = script.shift() ?? fallback
      if (reply.reset) {
        request.socket.destroy()
        return
      }
      if (reply.hang) {
        hungResponses.add(response)
        response.on('close', () => hungResponses.delete(response))
        return
      }
      if (reply.delayMs) {
        realSetTimeout(() => respond(response, reply), reply.delayMs)
      } else {
        respond(response, reply)
      }
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const posts = (): RecordedRequest[] =>
    requests.filter((request) => request.method === 'POST')

  return {
    apiHost: `127.0.0.1:${port}${PATH_PREFIX}`,
    requests,
    posts,

    script(...replies) {
      script.push(...replies)
    },

    setDefault(reply) {
      fallback = reply
    },

    waitForPosts(count, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (posts().length < count) return
          done()
          resolve(posts())
        }
        const timer = realSetTimeout(() => {
          done()
          const seen = posts().length
          reject(
            new Error(
              `expected ${count} POSTs within ${timeoutMs} ms, got ${seen}`,
            ),
          )
        }, timeoutMs)
        const done = (): void => {
          realClearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      })
    },

    release(reply = {}) {
      for (const response of hungResponses) {
        if (reply.reset) response.socket?.destroy()
        else respond(response, reply)
      }
      hungResponses.clear()
    },

    reset() {
      requests.length = 0
      script = []
      fallback = {}
    },

    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
      })
    },
  }
}
