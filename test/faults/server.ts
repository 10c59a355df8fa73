import { readFileSync } from 'node:fs'
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'

/** How the collector responds to one POST. `reset` and `hang` win over the rest. */
export interface Reply {
  /** Default 200. */
  status?: number
  headers?: OutgoingHttpHeaders
  /** Milliseconds to wait before responding. */
  delayMs?: number
  /** Never responds. The socket is destroyed when the scenario ends. */
  hang?: boolean
  /** Destroys the socket without a response, as a dropped connection does. */
  reset?: boolean
}

/** One event of a request body, reduced to what the tally reads. */
export interface SeenEvent {
  messageId: string
  /** Tab label and sequence number set by the driver; absent on other calls. */
  tab?: string
  seq?: number
  timestamp?: string
}

/** One POST as the collector received it, and how it responded. */
export interface Attempt {
  /** Position among the scenario's POSTs, from 0. */
  index: number
  /** Milliseconds since the scenario started. */
  at: number
  path: string
  bytes: number
  events: SeenEvent[]
  /** `200`, `503`..., `reset`, `hang`, or `closed` when the client gave up first. */
  outcome?: string
  /** Milliseconds since the scenario started, when the response went out. */
  respondedAt?: number
  /** The `Retry-After` of the response, in milliseconds. */
  retryAfterMs?: number
}

/** Decides the response to a POST from what arrived so far. */
export type FaultPolicy = (attempt: Attempt) => Reply

/** What the server serves while one scenario runs. */
export interface ServerScenario {
  writeKey: string
  /** The `Segment.io` entry of the settings, without `apiKey`. */
  endpoint: Record<string, unknown>
  page: string
  policy: FaultPolicy
  /** Milliseconds before the settings response. Default 0. */
  settingsDelayMs?: number
}

export interface FaultServer {
  port: number
  /** Every POST of the current scenario, in order of arrival. */
  attempts: Attempt[]
  /** One entry per event of each request that got a 2xx response. */
  deliveries: Array<SeenEvent & { attempt: number; at: number }>
  begin(scenario: ServerScenario): void
  /** Milliseconds since `begin`. */
  elapsed(): number
  /** Destroys the sockets of hung requests. */
  releaseHung(): void
  close(): Promise<void>
}

const CORS_HEADERS: OutgoingHttpHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-expose-headers': 'Retry-After, X-RateLimit-Reset',
}

const COLLECTOR_PATH = /^\/v1\/[tpigasb]$/
const BUNDLE_PATH = /^\/analytics\.js\/v1\/[^/]+\/analytics\.min\.js$/
const SETTINGS_PATH = /^\/v1\/projects\/([^/]+)\/settings$/

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function toSeenEvent(value: unknown): SeenEvent | undefined {
  if (!value || typeof value !== 'object') return undefined
  const message = value as Record<string, unknown>
  if (typeof message.messageId !== 'string') return undefined
  const properties = (message.properties ?? {}) as Record<string, unknown>
  return {
    messageId: message.messageId,
    tab: typeof properties.tab === 'string' ? properties.tab : undefined,
    seq: typeof properties.seq === 'number' ? properties.seq : undefined,
    timestamp:
      typeof message.timestamp === 'string' ? message.timestamp : undefined,
  }
}

/** Reads the events of a `/b` batch or of a single-event body. */
function parseEvents(path: string, text: string): SeenEvent[] {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    // A body that is not JSON carries no event the tally could count.
    return []
  }
  const items = path.endsWith('/b')
    ? ((body as { batch?: unknown[] } | null)?.batch ?? [])
    : [body]
  return items.map(toSeenEvent).filter((event) => event !== undefined)
}

function retryAfterMs(reply: Reply): number | undefined {
  const value = reply.headers?.['retry-after'] ?? reply.headers?.['Retry-After']
  return value === undefined ? undefined : Number(value) * 1000
}

function send(
  response: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string | Buffer,
): void {
  response.writeHead(status, { ...CORS_HEADERS, ...headers })
  response.end(body)
}

/**
 * Starts one server on 127.0.0.1 (port 0) that plays every host of a fault
 * scenario: the shop page, the bundle and settings as a Segment custom
 * domain serves them, and a collector whose responses the scenario decides.
 */
export async function startFaultServer(
  bundleFile: string,
): Promise<FaultServer> {
  const bundle = readFileSync(bundleFile)
  const attempts: Attempt[] = []
  const deliveries: FaultServer['deliveries'] = []
  const hung = new Set<ServerResponse>()
  let scenario: ServerScenario | undefined
  let startedAt = performance.now()

  const elapsed = (): number => Math.round(performance.now() - startedAt)

  function respond(
    response: ServerResponse,
    attempt: Attempt,
    reply: Reply,
  ): void {
    const status = reply.status ?? 200
    const ok = status >= 200 && status < 300
    response.on('finish', () => {
      attempt.outcome = String(status)
      attempt.respondedAt = elapsed()
      if (!ok) return
      for (const event of attempt.events) {
        deliveries.push({ ...event, attempt: attempt.index, at: elapsed() })
      }
    })
    const headers = { 'content-type': 'application/json', ...reply.headers }
    send(response, status, headers, ok ? '{"success":true}' : '')
  }

  async function collect(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ): Promise<void> {
    const text = await readBody(request)
    const attempt: Attempt = {
      index: attempts.length,
      at: elapsed(),
      path,
      bytes: Buffer.byteLength(text),
      events: parseEvents(path, text),
    }
    attempts.push(attempt)
    const reply = scenario?.policy(attempt) ?? {}
    attempt.retryAfterMs = retryAfterMs(reply)
    response.on('close', () => {
      attempt.outcome ??= 'closed'
    })

    if (reply.reset) {
      attempt.outcome = 'reset'
      request.socket.destroy()
    } else if (reply.hang) {
      attempt.outcome = 'hang'
      hung.add(response)
      response.on('close', () => hung.delete(response))
    } else if (reply.delayMs) {
      setTimeout(() => {
        if (!request.socket.destroyed) respond(response, attempt, reply)
      }, reply.delayMs)
    } else {
      respond(response, attempt, reply)
    }
  }

  function settings(writeKey: string): string {
    const endpoint = { apiKey: writeKey, ...scenario?.endpoint }
    return JSON.stringify({
      integrations: { 'Segment.io': endpoint },
      plan: { track: {} },
      middlewareSettings: {},
    })
  }

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://fault.invalid').pathname
    const noStore = { 'cache-control': 'no-store' }
    if (request.method === 'OPTIONS') {
      send(response, 204, {}, '')
    } else if (request.method === 'POST' && COLLECTOR_PATH.test(path)) {
      await collect(request, response, path)
    } else if (path === '/page' && scenario) {
      const type = { 'content-type': 'text/html; charset=utf-8' }
      send(response, 200, { ...type, ...noStore }, scenario.page)
    } else if (BUNDLE_PATH.test(path)) {
      const type = { 'content-type': 'text/javascript; charset=utf-8' }
      send(response, 200, { ...type, 'cache-control': 'max-age=600' }, bundle)
    } else if (SETTINGS_PATH.test(path)) {
      const [, writeKey = ''] = SETTINGS_PATH.exec(path) ?? []
      const type = { 'content-type': 'application/json' }
      const body = settings(writeKey)
      const reply = () => send(response, 200, { ...type, ...noStore }, body)
      const delayMs = scenario?.settingsDelayMs ?? 0
      if (delayMs > 0) setTimeout(reply, delayMs)
      else reply()
    } else {
      send(response, 404, { 'content-type': 'text/plain' }, `No ${path}`)
    }
  }

  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      // A client that went away mid-request leaves nothing to respond to.
      response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  function releaseHung(): void {
    for (const response of hung) response.socket?.destroy()
    hung.clear()
  }

  return {
    port,
    attempts,
    deliveries,
    elapsed,

    begin(next) {
      releaseHung()
      scenario = next
      attempts.length = 0
      deliveries.length = 0
      startedAt = performance.now()
    },

    releaseHung,

    close() {
      releaseHung()
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
