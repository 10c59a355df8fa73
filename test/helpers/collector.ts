import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One message the collector received, with the path it came in on. */
export interface CollectedMessage {
  path: string
  body: Record<string, unknown>
}

export interface Collector {
  /** Host and path prefix for the endpoint's `apiHost` option. */
  apiHost: string
  messages: CollectedMessage[]
  /** Resolves once at least `count` messages arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<CollectedMessage[]>
  close(): Promise<void>
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/**
 * Starts a Segment-style collector on 127.0.0.1 that responds to every POST
 * with 200 `{"success":true}` and keeps each message, splitting `/b`
 * batches into their messages.
 */
export async function startCollector(): Promise<Collector> {
  const messages: CollectedMessage[] = []
  const server: Server = createServer((request, response) => {
    response.setHeader(
      'access-control-allow-origin',
      request.headers.origin ?? '*',
    )
    response.setHeader('access-control-allow-headers', 'content-type')
    response.setHeader('access-control-allow-methods', 'POST, OPTIONS')
    if (request.method !== 'POST') {
      response.writeHead(204).end()
      return
    }
    void readBody(request).then((text) => {
      const path = (request.url ?? '').replace(/^\/v1/, '')
      const body = JSON.parse(text) as Record<string, unknown>
      const batch =
        path === '/b' ? (body.batch as Array<Record<string, unknown>>) : [body]
      for (const item of batch) messages.push({ path, body: item })
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"success":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    apiHost: `127.0.0.1:${port}/v1`,
    messages,
    async waitFor(count, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `collector received ${messages.length} of ${count} messages within ${timeoutMs} ms`,
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      return messages
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
