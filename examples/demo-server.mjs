import { createServer } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { createCdnRoutes } from './lib/cdn-routes.mjs'
import { createCollector } from './lib/collector.mjs'
import { createEventStream } from './lib/event-stream.mjs'
import { HttpError, allowCors, sendError } from './lib/http.mjs'
import { createLiveRoutes } from './lib/live-routes.mjs'
import { createRecordLog } from './lib/record-log.mjs'
import { buildSettings, DEMO_DELIVERY_STRATEGY } from './lib/settings.mjs'
import { DEMO_DESTINATIONS, vendorUrlMap } from './lib/destinations.mjs'
import { createVendorRoutes } from './lib/vendor-routes.mjs'
import { isShopPath, serveShop } from './lib/shop-page.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

export const DEFAULT_WRITE_KEY = 'demoWriteKey'
export { buildSettings, DEMO_DELIVERY_STRATEGY }

/**
 * Starts the demo on 127.0.0.1: the shop page, the bundle and settings as a
 * Segment custom domain serves them, a Segment tracking API collector and the
 * live view. Resolves once the server listens.
 *
 * `settings` replaces the default settings: an object, or a function of
 * `{ writeKey, apiHost, origin }` for values known only after listening.
 * `destinations: true` turns on every bundled destination against the
 * stand-in vendor scripts the server also serves.
 */
export async function startDemoServer({
  port = 0,
  dataDir = join(ROOT, '.data'),
  writeKey = DEFAULT_WRITE_KEY,
  settings,
  distDir = join(ROOT, 'dist'),
  delays = {},
  destinations = false,
  log = () => {},
} = {}) {
  const events = createRecordLog({ file: join(dataDir, 'events.jsonl') })
  const vendorCalls = createRecordLog()
  const stream = createEventStream()
  const collector = createCollector({ events })
  const live = createLiveRoutes({ events, vendorCalls, stream })
  const state = { origin: '', delays: { ...delays } }
  const vendor = createVendorRoutes({ vendorCalls })
  const loadOptions = destinations
    ? (origin) => ({ vendorScriptUrl: vendorUrlMap(origin) })
    : undefined

  const cdn = createCdnRoutes({
    distDir,
    delays: state.delays,
    buildSettings: (requestedKey) => {
      const apiHost = `${new URL(state.origin).host}/v1`
      const context = { writeKey: requestedKey, apiHost, origin: state.origin }
      if (typeof settings === 'function') return settings(context)
      if (settings) return settings
      return buildSettings({
        ...context,
        integrations: destinations ? DEMO_DESTINATIONS : {},
      })
    },
  })

  async function route(req, res) {
    const { pathname } = new URL(req.url ?? '/', state.origin)
    allowCors(req, res)

    if (req.method === 'OPTIONS') {
      res.writeHead(204)
      res.end()
    } else if (collector.matches(pathname)) {
      requireMethod(req, res, 'POST')
      await collector.handle(req, res, pathname)
    } else if (cdn.matches(pathname)) {
      requireMethod(req, res, 'GET')
      await cdn.handle(req, res, pathname)
    } else if (vendor.matches(pathname)) {
      requireMethod(req, res, 'GET')
      await vendor.handle(req, res, pathname)
    } else if (live.matches(pathname)) {
      await live.handle(req, res, pathname)
    } else if (isShopPath(pathname)) {
      requireMethod(req, res, 'GET')
      const fallbackOrigin = state.origin
      await serveShop(req, res, pathname, {
        writeKey,
        fallbackOrigin,
        loadOptions,
      })
    } else {
      throw new HttpError(404, `Not found: ${pathname}`)
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error) => {
      if (!(error instanceof HttpError)) {
        log(`Error on ${req.method} ${req.url}: ${error.stack}`)
      }
      sendError(res, error)
    })
  })
  events.subscribe((change) => {
    if (change.kind === 'append') {
      const { type, event, name } = change.record.message
      log(`Received ${type} ${event ?? name ?? ''}`.trimEnd())
    }
  })

  try {
    await listen(server, port)
  } catch (error) {
    stream.close()
    throw error
  }
  const actualPort = server.address().port
  state.origin = `http://127.0.0.1:${actualPort}`

  async function close() {
    stream.close()
    const closed = new Promise((resolve) => server.close(resolve))
    server.closeAllConnections()
    await closed
    await events.flushed()
  }

  return {
    url: `${state.origin}/`,
    origin: state.origin,
    port: actualPort,
    events,
    vendorCalls,
    requests: collector.requests,
    failNext: collector.failNext,
    delays: state.delays,
    close,
  }
}

// Listens on the loopback interface only: the demo must not be reachable
// from other machines.
function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function requireMethod(req, res, method) {
  if (req.method === method) return
  res.setHeader('Allow', method)
  throw new HttpError(405, `${req.method} is not allowed here. Use ${method}.`)
}
