import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect } from 'chai'
import type { Browser } from 'playwright-core'

import {
  buildSettings,
  startDemoServer,
  type DemoServer,
  type ReceivedEvent,
} from '../../examples/demo-server.mjs'
import {
  DEMO_DESTINATIONS,
  vendorUrlMap,
} from '../../examples/lib/destinations.mjs'
import { renderSnippet } from '../../examples/lib/snippet.mjs'
import {
  launchBrowser,
  openWatchedPage,
  type WatchedPage,
} from './helpers/browser'
import { assertBundleBuilt, DIST_DIR } from './helpers/bundle'
import { WRITE_KEY } from './helpers/settings'

const PAGE_PATH = '/csp.html'
const DESTINATIONS = Object.keys(DEMO_DESTINATIONS).sort()

/** Path of Floodlight's DoubleClick ID pixel. Any response works. */
const ID_PIXEL_PATH = '/vendor-pixels/doubleclick-id/'

/** A violation recorded by the page's `securitypolicyviolation` listener. */
interface Violation {
  directive: string
  blockedURI: string
}

/** An element the page created with `document.createElement`. */
interface CreatedElement {
  tag: string
  src: string
  nonce: string
}

interface PageState {
  violations: Violation[]
  status: Record<string, string>
  scripts: Array<{ src: string; nonce: string }>
  created: CreatedElement[]
}

declare global {
  interface Window {
    __cspViolations?: Violation[]
    __createdElements?: HTMLElement[]
  }
}

describe('strict Content-Security-Policy page', function () {
  const nonce = randomBytes(16).toString('base64')
  let browser: Browser
  let demo: DemoServer
  let pageServer: Server
  let dataDir: string
  let watched: WatchedPage
  let policy: string
  let state: PageState
  let received: ReceivedEvent[]

  before(async function () {
    assertBundleBuilt()
    dataDir = await mkdtemp(join(tmpdir(), 'clickstream-csp-'))
    demo = await startDemoServer({
      dataDir,
      distDir: DIST_DIR,
      writeKey: WRITE_KEY,
      settings: (context) =>
        buildSettings({
          writeKey: context.writeKey,
          apiHost: context.apiHost,
          deliveryStrategy: { strategy: 'standard' },
          integrations: {
            ...DEMO_DESTINATIONS,
            'DoubleClick Floodlight': {
              ...DEMO_DESTINATIONS['DoubleClick Floodlight'],
              getDoubleClickId: true,
              googleNetworkId: '1234',
            },
          },
        }),
    })
    const snippet = renderSnippet({
      cdnOrigin: demo.origin,
      writeKey: WRITE_KEY,
      loadOptions: {
        nonce,
        vendorScriptUrl: {
          ...vendorUrlMap(demo.origin),
          'https://cm.g.doubleclick.net/pixel': `${demo.origin}${ID_PIXEL_PATH}`,
        },
      },
    })
    const html = cspPage(nonce, snippet)
    pageServer = await startCspServer((origin) => {
      policy = strictPolicy(nonce, origin, demo.origin)
      return { html, policy }
    })
    const { port } = pageServer.address() as AddressInfo

    browser = await launchBrowser()
    watched = await openWatchedPage(browser)
    const { page } = watched
    await page.goto(`http://127.0.0.1:${port}${PAGE_PATH}`)
    await page.waitForFunction(
      () =>
        (window.analytics as { initialized?: boolean }).initialized === true,
      undefined,
      { timeout: 10_000 },
    )
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => window.analytics.ready(() => resolve())),
    )
    // Product Viewed is a Floodlight tag, so it adds an iframe, and the
    // first Floodlight call requests the DoubleClick ID image.
    await page.evaluate(() => {
      window.analytics.track('CSP Checked', { plan: 'strict' })
      window.analytics.track('Product Viewed', { product_id: 'p1' })
    })
    received = await demo.events.waitFor(
      (records) =>
        records.some(({ message }) => message.event === 'CSP Checked') &&
        records.some(({ message }) => message.event === 'Product Viewed') &&
        records.some(({ message }) => message.type === 'page'),
      { description: 'page and track at the collector' },
    )
    await page.waitForFunction(
      () =>
        (window.__createdElements ?? []).some(
          (element) => element.tagName === 'IFRAME',
        ),
      undefined,
      { timeout: 10_000 },
    )
    state = await page.evaluate(() => {
      const instance = window.analytics as unknown as {
        destinationStatus(): Record<string, string>
      }
      return {
        violations: window.__cspViolations ?? [],
        status: instance.destinationStatus(),
        scripts: Array.from(document.scripts, (script) => ({
          src: script.src,
          nonce: script.nonce ?? '',
        })),
        created: (window.__createdElements ?? []).map((element) => ({
          tag: element.tagName.toLowerCase(),
          src: element.getAttribute('src') ?? '',
          nonce: element.nonce ?? '',
        })),
      }
    })
  })

  after(async function () {
    await watched?.close()
    await browser?.close()
    if (pageServer) await closeServer(pageServer)
    await demo?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('serves a policy without unsafe sources', function () {
    expect(policy).to.include(`script-src 'nonce-${nonce}'`)
    expect(policy).not.to.match(/unsafe-inline|unsafe-eval/)
  })

  it('reports no securitypolicyviolation event', function () {
    expect(state.violations).to.deep.equal([])
  })

  it('logs no console error', function () {
    expect(watched.problems).to.deep.equal([])
  })

  it('loads the bundle', function () {
    const bundle = state.scripts.filter((script) =>
      script.src.endsWith(`/analytics.js/v1/${WRITE_KEY}/analytics.min.js`),
    )
    expect(bundle).to.have.length(1)
  })

  it('marks each destination ready', function () {
    const status = Object.fromEntries(
      DESTINATIONS.map((name) => [name, state.status[name]]),
    )
    expect(status).to.deep.equal(
      Object.fromEntries(DESTINATIONS.map((name) => [name, 'ready'])),
    )
  })

  it('loads each stand-in with the nonce', function () {
    const standIns = state.scripts
      .filter((script) => script.src.includes('/vendor-stand-ins/'))
      .map((script) => ({
        file: new URL(script.src).pathname.split('/').pop(),
        nonce: script.nonce,
      }))
      .sort((a, b) => String(a.file).localeCompare(String(b.file)))
    expect(standIns).to.deep.equal([
      { file: 'fbevents.js', nonce },
      { file: 'google-conversion-async.js', nonce },
      // GA4 (with its own data layer) and Google Ads each load gtag.js.
      { file: 'gtag.js', nonce },
      { file: 'gtag.js', nonce },
      { file: 'gtm.js', nonce },
      { file: 'retention-science.js', nonce },
    ])
  })

  it('gives the nonce to every tag it injects', function () {
    // The snippet's own script element for the bundle has no nonce, and
    // 'strict-dynamic' lets it load (see strictPolicy).
    const injected = state.created.filter(
      (element) =>
        ['script', 'img', 'iframe'].includes(element.tag) &&
        !element.src.endsWith('/analytics.min.js'),
    )
    const tags = new Set(injected.map((element) => element.tag))

    expect([...tags].sort()).to.deep.equal(['iframe', 'img', 'script'])
    expect(injected.filter((element) => element.nonce !== nonce)).to.deep.equal(
      [],
    )
  })

  it('delivers page and track calls', function () {
    const labels = received
      .map(({ message }) => [message.type, message.event ?? ''].join(' '))
      .sort()
    expect(labels).to.deep.equal([
      'page ',
      'track CSP Checked',
      'track Product Viewed',
    ])
  })
})

/**
 * Builds the page's policy: scripts only by nonce, requests only to the page
 * and the demo server. NOTE: 'strict-dynamic' is required because Segment's
 * snippet creates the bundle's script element without a nonce.
 */
function strictPolicy(nonce: string, self: string, collector: string): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `connect-src ${self} ${collector}`,
    `img-src ${self} ${collector} data:`,
    `frame-src ${self} ${collector}`,
    `base-uri 'none'`,
  ].join('; ')
}

function cspPage(nonce: string, snippet: string): string {
  // The listener and the createElement recorder come first, so they also
  // see what the snippet does.
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>Strict CSP test page</title>
    <script nonce="${nonce}">
window.__createdElements = []
var createElement = document.createElement
document.createElement = function () {
  var element = createElement.apply(document, arguments)
  window.__createdElements.push(element)
  return element
}
window.__cspViolations = []
document.addEventListener('securitypolicyviolation', function (event) {
  window.__cspViolations.push({
    directive: event.violatedDirective,
    blockedURI: event.blockedURI,
  })
})
    </script>
    <script nonce="${nonce}">
${snippet}
    </script>
  </head>
  <body>
    <h1>Strict CSP test page</h1>
  </body>
</html>
`
}

/** Serves the page on 127.0.0.1 with the policy built for its own origin. */
async function startCspServer(
  build: (origin: string) => { html: string; policy: string },
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://page.invalid').pathname
    if (path !== PAGE_PATH) {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end(`No test page at ${path}`)
      return
    }
    const { port } = server.address() as AddressInfo
    const { html, policy } = build(`http://127.0.0.1:${port}`)
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': policy,
    })
    res.end(html)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  return server
}

function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeAllConnections()
  return closed
}

describe('bundles under a policy without unsafe-eval', function () {
  /** Code that a policy without 'unsafe-eval' blocks. */
  const EVAL_PATTERNS = [
    /\beval\s*\(/,
    /\bnew\s+Function\s*\(/,
    /[^.\w]Function\s*\(\s*["'`]/,
    /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
  ]

  it('contain no eval or Function constructor', async function () {
    assertBundleBuilt()
    const { readdir, readFile } = await import('node:fs/promises')
    const files = (await readdir(DIST_DIR, { recursive: true }))
      .filter((file) => file.endsWith('.js'))
      .map((file) => join(DIST_DIR, file))
    const offending: string[] = []
    for (const file of files) {
      const code = await readFile(file, 'utf8')
      for (const pattern of EVAL_PATTERNS) {
        if (pattern.test(code)) offending.push(`${file}: ${pattern}`)
      }
    }

    expect(files.length).to.be.above(3)
    expect(offending).to.deep.equal([])
  })
})
