// Measures main-thread cost per call in headless Chromium: µs per `track`
// (and `page`, `identify`) with 0, 1, 5 and 25 no-op destination plugins,
// the first-party endpoint on and served by a collector on 127.0.0.1,
// beside the floor (a hand-built Segment message and five function calls).
// Calls go in bursts of 1,000 per task. Figures are medians of the rounds.
//
//   node bench/dispatch.mjs [--rounds N] [--calls N] [--json]
//
// Needs `npm run build` first. Peers (analytics-next) are not measured yet.
/* global window, document, location */
// The functions passed to page.evaluate run in the page, where these exist.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium } from 'playwright-core'

import { CHROMIUM_FLAGS, findChromium } from '../scripts/find-chromium.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const option = (name, fallback) => {
  const at = argv.indexOf(name)
  return at === -1 ? fallback : Number(argv[at + 1])
}
const ROUNDS = option('--rounds', 3)
const CALLS = option('--calls', 10_000)
const DESTINATION_COUNTS = [0, 1, 5, 25]

function startServer() {
  const bundle = readFileSync(path.join(root, 'dist', 'analytics.core.min.js'))
  let received = 0
  const server = createServer((request, response) => {
    if (request.method === 'POST') {
      request.resume()
      request.on('end', () => {
        received++
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end('{"success":true}')
      })
      return
    }
    if (request.url === '/analytics.min.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' })
      response.end(bundle)
      return
    }
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end('<!doctype html><title>bench</title>')
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        server,
        origin: `http://127.0.0.1:${server.address().port}`,
        received: () => received,
      })
    })
  })
}

/** Runs in the page: loads the bundle through a stub, as the snippet does. */
async function loadBundle(origin) {
  const stub = []
  stub._writeKey = 'bench'
  stub._loadOptions = {
    cdnSettings: {
      integrations: {
        'Segment.io': {
          apiHost: `${location.host}/v1`,
          protocol: 'http',
          deliveryStrategy: {
            strategy: 'batching',
            config: { size: 100, timeout: 500 },
          },
        },
      },
    },
  }
  window.analytics = stub
  await new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = `${origin}/analytics.min.js`
    script.onload = resolve
    script.onerror = reject
    document.head.appendChild(script)
  })
  await window.analytics.ready()
}

/** Runs in the page: µs per call of `method` with `count` no-op destinations. */
async function measureCalls({ method, destinations, calls }) {
  const plugins = Array.from({ length: destinations }, (_, index) => ({
    name: `Noop ${index}`,
    type: 'destination',
    version: '1.0.0',
    isLoaded: () => true,
    load: () => Promise.resolve(),
    track: (ctx) => ctx,
    page: (ctx) => ctx,
    identify: (ctx) => ctx,
  }))
  await window.analytics.register(...plugins)
  const burst = 1000
  let elapsed = 0
  for (let done = 0; done < calls; done += burst) {
    const start = performance.now()
    for (let index = 0; index < burst; index++) {
      if (method === 'track')
        window.analytics.track('Bench Event', { index, plan: 'pro' })
      else if (method === 'page') window.analytics.page('Bench Page', { index })
      else window.analytics.identify('user-1', { index })
    }
    elapsed += performance.now() - start
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  await window.analytics.flush()
  return (elapsed * 1000) / calls
}

/** Runs in the page: the floor, a hand-built message and five calls. */
async function measureFloor({ calls }) {
  const sinks = Array.from({ length: 5 }, () => () => {})
  const burst = 1000
  let elapsed = 0
  let bytes = 0
  for (let done = 0; done < calls; done += burst) {
    const start = performance.now()
    for (let index = 0; index < burst; index++) {
      const message = {
        type: 'track',
        event: 'Bench Event',
        properties: { index, plan: 'pro' },
        messageId: crypto.randomUUID
          ? crypto.randomUUID()
          : String(Math.random()),
        timestamp: new Date().toISOString(),
        anonymousId: 'anonymous-1',
        context: {
          page: {
            path: location.pathname,
            url: location.href,
            title: document.title,
            referrer: document.referrer,
            search: location.search,
          },
          userAgent: navigator.userAgent,
        },
      }
      for (const sink of sinks) sink(message)
      bytes += JSON.stringify(message).length
    }
    elapsed += performance.now() - start
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return bytes > 0 ? (elapsed * 1000) / calls : 0
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function main() {
  const { server, origin } = await startServer()
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_FLAGS,
  })
  const rows = []
  try {
    const cases = [
      { label: 'floor (hand-built message, 5 calls)', floor: true },
      ...DESTINATION_COUNTS.map((destinations) => ({
        label: `track, ${destinations} destinations`,
        method: 'track',
        destinations,
      })),
      { label: 'page, 5 destinations', method: 'page', destinations: 5 },
      {
        label: 'identify, 5 destinations',
        method: 'identify',
        destinations: 5,
      },
    ]
    for (const item of cases) {
      const samples = []
      for (let round = 0; round < ROUNDS; round++) {
        const page = await browser.newPage()
        await page.goto(`${origin}/`)
        if (item.floor) {
          samples.push(await page.evaluate(measureFloor, { calls: CALLS }))
        } else {
          await page.evaluate(loadBundle, origin)
          samples.push(
            await page.evaluate(measureCalls, {
              method: item.method,
              destinations: item.destinations,
              calls: CALLS,
            }),
          )
        }
        await page.close()
      }
      rows.push({ case: item.label, usPerCall: median(samples), samples })
    }
  } finally {
    await browser.close()
    server.close()
  }

  if (argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2))
    return
  }
  const floor = rows[0].usPerCall
  console.log(`calls per case: ${CALLS}, rounds: ${ROUNDS} (median shown)`)
  console.log('case                                   µs/call   × floor')
  for (const row of rows) {
    console.log(
      `${row.case.padEnd(38)} ${row.usPerCall.toFixed(1).padStart(8)} ${(row.usPerCall / floor).toFixed(1).padStart(8)}`,
    )
  }
}

main().catch((error) => {
  console.error(`bench/dispatch: ${error.stack}`)
  process.exit(1)
})
