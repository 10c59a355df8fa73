import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface PageServer {
  port: number
  /** URL of `path` on `host`, such as `http://shop.example.test:4321/a.html`. */
  urlFor(host: string, path: string): string
  close(): Promise<void>
}

/**
 * Serves fixed HTML pages on 127.0.0.1, to be opened under a
 * `*.example.test` host name so the page's origin differs from the bundle's.
 */
export async function startPageServer(
  pages: Record<string, string>,
): Promise<PageServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://page.invalid').pathname
    const html = pages[path]
    if (html === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end(`No test page at ${path}`)
      return
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    res.end(html)
  })
  await listen(server)
  const { port } = server.address() as AddressInfo

  return {
    port,
    urlFor: (host, path) => `http://${host}:${port}${path}`,
    close: () => {
      const closed = new Promise<void>((resolve) =>
        server.close(() => resolve()),
      )
      server.closeAllConnections()
      return closed
    },
  }
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
}
