import { createServer, type Server, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

import { expect } from 'chai'
import type { Browser } from 'playwright-core'

import type { ReceivedEvent } from '../../examples/demo-server.mjs'
import {
  launchBrowser,
  openWatchedPage,
  type WatchedPage,
} from './helpers/browser'
import { assertBundleBuilt } from './helpers/bundle'
import { startHarness, type Harness } from './helpers/harness'
import { waitForReady } from './helpers/page-analytics'
import { batchingSettings, WRITE_KEY } from './helpers/settings'
import { snippetPage } from './helpers/snippet-page'

const HELD_PATH = '/held.html'
const LIVE_PATH = '/live.html'
const KEPT_EVENTS = ['Kept 1', 'Kept 2', 'Kept 3']

/** The keeper's record counts as a closed page's after 3 s without a refresh. */
const STALE_WAIT_MS = 3_500

/**
 * Accepts connections and never responds, so a page whose snippet loads the
 * bundle from it stays on the stub, still loading.
 */
async function startHangingServer(): Promise<{
  port: number
  close(): Promise<void>
}> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  )
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

describe('call keeper', function () {
  this.timeout(30_000)

  let browser: Browser
  let harness: Harness
  let hanging: Awaited<ReturnType<typeof startHangingServer>>
  let watched: WatchedPage
  let received: ReceivedEvent[]
  let closedAt: number

  before(async function () {
    assertBundleBuilt()
    browser = await launchBrowser()
    hanging = await startHangingServer()
    const heldCdn = `http://cdn-held.example.test:${hanging.port}`
    harness = await startHarness({
      settings: batchingSettings,
      buildPages: (cdnOrigin) => ({
        [HELD_PATH]: snippetPage({
          cdnOrigin: heldCdn,
          writeKey: WRITE_KEY,
          callKeeper: true,
        }),
        [LIVE_PATH]: snippetPage({
          cdnOrigin,
          writeKey: WRITE_KEY,
          callKeeper: true,
        }),
      }),
    })
    watched = await openWatchedPage(browser)

    // The bundle never arrives, so the calls stay on the stub. Chromium
    // fires no pagehide for a page still loading, so only what the keeper
    // stored on each call survives the close.
    const held = watched.page
    await held.goto(harness.pageUrl(HELD_PATH), {
      waitUntil: 'domcontentloaded',
    })
    await held.evaluate((names) => {
      names.forEach((name, index) => window.analytics.track(name, { index }))
    }, KEPT_EVENTS)
    const stillStub = await held.evaluate(() => Array.isArray(window.analytics))
    expect(stillStub, 'the held page still runs on the stub').to.equal(true)
    closedAt = Date.now()
    await held.close()

    await sleep(STALE_WAIT_MS)
    const live = await watched.context.newPage()
    await live.goto(harness.pageUrl(LIVE_PATH))
    await waitForReady(live)
    await harness.demo.events.waitFor(
      (records) =>
        KEPT_EVENTS.every((name) =>
          records.some(({ message }) => message.event === name),
        ),
      { timeoutMs: 15_000, description: `${KEPT_EVENTS.join(', ')} sent` },
    )
    await sleep(1_500)
    received = harness.demo.events.list()
  })

  after(async function () {
    await watched?.close()
    await harness?.close()
    await hanging?.close()
    await browser?.close()
  })

  it('sends calls of a page closed while loading', function () {
    const kept = received.filter(({ message }) =>
      KEPT_EVENTS.includes(message.event ?? ''),
    )

    expect(kept.map(({ message }) => message.event)).to.deep.equal(KEPT_EVENTS)
    expect(kept.map(({ message }) => message.properties)).to.deep.equal([
      { index: 0 },
      { index: 1 },
      { index: 2 },
    ])
  })

  it('keeps the closed page context', function () {
    const kept = received.find(({ message }) => message.event === 'Kept 1')
    const page = kept?.message.context?.page as { path?: string } | undefined

    expect(page?.path).to.equal(HELD_PATH)
  })

  it('keeps the time of each call', function () {
    const kept = received.find(({ message }) => message.event === 'Kept 1')
    const timestamp = Date.parse(String(kept?.message.timestamp))

    expect(timestamp).to.be.at.most(closedAt)
    expect(timestamp).to.be.above(closedAt - 10_000)
  })

  it('sends the held page view once', function () {
    const heldViews = received.filter(
      ({ message }) =>
        message.type === 'page' &&
        (message.context?.page as { path?: string } | undefined)?.path ===
          HELD_PATH,
    )

    expect(heldViews).to.have.length(1)
  })

  it('removes the stored record', async function () {
    const page = watched.context.pages()[0]
    const keys = await page!.evaluate(() =>
      Object.keys(localStorage).filter((key) =>
        key.startsWith('clickstream:stub:'),
      ),
    )

    expect(keys).to.deep.equal([])
  })

  it('raises no page errors', function () {
    const problems = watched.problems.filter(
      (problem) => !problem.includes('cdn-held.example.test'),
    )

    expect(problems).to.deep.equal([])
  })
})
