// The benchmark's HTTP server on 127.0.0.1: the pages and scripts the
// browser loads, the collector, and for the start-up case the routes of
// the demo shop (bundle and settings as a Segment custom domain serves them,
// stand-in vendor scripts).
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'

import { createCdnRoutes } from '../../examples/lib/cdn-routes.mjs'
import {
  DEMO_DESTINATIONS,
  vendorUrlMap,
} from '../../examples/lib/destinations.mjs'
import { HttpError, sendError, sendText } from '../../examples/lib/http.mjs'
import { createRecordLog } from '../../examples/lib/record-log.mjs'
import { buildSettings } from '../../examples/lib/settings.mjs'
import { createVendorRoutes } from '../../examples/lib/vendor-routes.mjs'
import { createCollector } from './collector.mjs'
import { renderStartupPage } from './startup-page.mjs'

/** Renders the page of a dispatch case: the harness, then the script of one SDK. */
function renderCasePage(sdk) {
  return `<!doctype html>
<meta charset="utf-8">
<title>bench ${sdk}</title>
<script src="/bench/harness.js"></script>
<script src="/bench/sdk-${sdk}.js"></script>`
}
const SCRIPT_PATH = /^\/bench\/([\w-]+)\.js$/

/**
 * Starts the server. `scripts` maps a name to a JavaScript file, served at
 * `/bench/<name>.js`; each file is read once, here, so disk reads never
 * land inside a measurement. `distDir` contains `analytics.min.js` for the
 * start-up page. Resolves once the server listens.
 */
export async function startBenchServer({ scripts, distDir }) {
  const collector = createCollector()
  const scriptText = new Map(
    Object.entries(scripts).map(([name, file]) => [
      name,
      readFileSync(file, 'utf8'),
    ]),
  )
  const state = { origin: '' }
  // A write key of the start-up page names the collector lane of its round.
  const cdn = createCdnRoutes({
    distDir,
    delays: {},
    buildSettings: (writeKey) =>
      buildSettings({
        writeKey,
        apiHost: `${new URL(state.origin).host}/lane/${writeKey}/v1`,
        integrations: DEMO_DESTINATIONS,
      }),
  })
  const vendor = createVendorRoutes({ vendorCalls: createRecordLog() })

  async function route(req, res) {
    const { pathname, searchParams } = new URL(req.url ?? '/', state.origin)
    const script = SCRIPT_PATH.exec(pathname)
    if (req.method === 'POST' && collector.matches(pathname)) {
      await collector.handle(req, res, pathname)
    } else if (req.method !== 'GET') {
      throw new HttpError(405, `${req.method} ${pathname} is not served here.`)
    } else if (script && scriptText.has(script[1])) {
      sendText(res, 200, scriptText.get(script[1]), 'text/javascript')
    } else if (pathname === '/case.html') {
      const sdk = searchParams.get('sdk') ?? ''
      if (!scriptText.has(`sdk-${sdk}`)) {
        throw new HttpError(404, `No SDK script named sdk-${sdk}.js`)
      }
      sendText(res, 200, renderCasePage(sdk), 'text/html')
    } else if (pathname === '/startup.html') {
      const writeKey = searchParams.get('writeKey') ?? 'startup'
      const page = renderStartupPage({
        origin: state.origin,
        writeKey,
        loadOptions: { vendorScriptUrl: vendorUrlMap(state.origin) },
      })
      sendText(res, 200, page, 'text/html')
    } else if (cdn.matches(pathname)) {
      await cdn.handle(req, res, pathname)
    } else if (vendor.matches(pathname)) {
      await vendor.handle(req, res, pathname)
    } else {
      throw new HttpError(404, `Not found: ${pathname}`)
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error) => {
      if (!(error instanceof HttpError)) {
        console.error(`bench server: ${req.method} ${req.url}: ${error.stack}`)
      }
      sendError(res, error)
    })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  state.origin = `http://127.0.0.1:${server.address().port}`

  return {
    origin: state.origin,
    /** Counts of a collector lane: requests, events, first and last arrival. */
    lane: collector.lane,
    close() {
      const closed = new Promise((resolve) => server.close(resolve))
      server.closeAllConnections()
      return closed
    },
  }
}
