import { setTimeout as sleep } from 'node:timers/promises'

import { expect } from 'chai'
import type { Browser } from 'playwright-core'

import type {
  ReceivedEvent,
  TrackingMessage,
} from '../../examples/demo-server.mjs'
import {
  launchBrowser,
  openWatchedPage,
  type WatchedPage,
} from './helpers/browser'
import { assertBundleBuilt } from './helpers/bundle'
import { createGate, within } from './helpers/gate'
import { startHarness, type Harness } from './helpers/harness'
import { track, waitForReady } from './helpers/page-analytics'
import { perEventSettings, WRITE_KEY } from './helpers/settings'
import { snippetPage } from './helpers/snippet-page'

const PAGE_PATH = '/snippet.html'

// Runs right after the snippet, before the bundle can arrive: one call on
// the stub, and a flag for the moment the bundle has run.
const BODY_SCRIPT = `
analytics.track('A')
document
  .querySelector('script[src*="/analytics.min.js"]')
  .addEventListener('load', function () { window.bundleLoaded = true })
`

/** Time after the last expected message in which a duplicate would show. */
const SETTLE_MS = 500
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
const COLLECTOR_PATH = /^\/v1\/[a-z]$/
const CALL_ORDER = ['page', 'track A', 'track B', 'track C']
const PATH_BY_TYPE: Record<string, string> = { page: '/v1/p', track: '/v1/t' }

describe('snippet across bundle and settings load', function () {
  let browser: Browser
  let harness: Harness
  let watched: WatchedPage
  let queuedOnStub: unknown[]
  let sentInOrder: TrackingMessage[]
  let received: ReceivedEvent[]

  before(async function () {
    assertBundleBuilt()
    browser = await launchBrowser()
    harness = await startHarness({
      settings: perEventSettings,
      buildPages: (cdnOrigin) => ({
        [PAGE_PATH]: snippetPage({
          cdnOrigin,
          writeKey: WRITE_KEY,
          bodyScript: BODY_SCRIPT,
        }),
      }),
    })
    const bundleGate = createGate()
    const settingsGate = createGate()
    harness.demo.delays.bundle = bundleGate.hold
    harness.demo.delays.settings = settingsGate.hold
    watched = await openWatchedPage(browser)
    const { page } = watched
    sentInOrder = []
    page.on('request', (request) => {
      if (COLLECTOR_PATH.test(new URL(request.url()).pathname)) {
        sentInOrder.push(JSON.parse(request.postData() ?? '{}'))
      }
    })

    // Before the bundle: the snippet's page() and the page's track('A').
    await page.goto(harness.pageUrl(PAGE_PATH), {
      waitUntil: 'domcontentloaded',
    })
    await within(bundleGate.requested, 5000, 'the bundle request')
    queuedOnStub = await page.evaluate(() =>
      Array.from(window.analytics as unknown as unknown[][], (call) => call[0]),
    )

    // Bundle loaded, settings still held back by the server.
    bundleGate.open()
    await page.waitForFunction(() => window.bundleLoaded === true, undefined, {
      timeout: 5000,
    })
    await within(settingsGate.requested, 5000, 'the settings request')
    await track(page, 'B')

    // After ready.
    settingsGate.open()
    await waitForReady(page)
    await track(page, 'C')

    await harness.demo.events.waitFor(hasPageAndABC, {
      description: 'page, A, B and C at the collector',
    })
    await sleep(SETTLE_MS)
    received = harness.demo.events.list()
  })

  after(async function () {
    await watched?.close()
    await harness?.close()
    await browser?.close()
  })

  it('queues page and A on the stub', function () {
    expect(queuedOnStub).to.deep.equal(['page', 'track'])
  })

  // The SDK keeps up to six requests in flight, so they can reach the
  // collector in any order. The order is checked where the browser sends.
  it('sends page, A, B, C in order', function () {
    expect(sentInOrder.map(labelOf)).to.deep.equal(CALL_ORDER)
  })

  it('stores page, A, B, C once each', function () {
    const labels = received.map(({ message }) => labelOf(message))

    expect([...labels].sort()).to.deep.equal([...CALL_ORDER].sort())
  })

  it('stores each messageId once', function () {
    const ids = received.map(({ message }) => message.messageId)

    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).to.equal(
      true,
    )
    expect(new Set(ids).size).to.equal(ids.length)
  })

  it('orders timestamps by call', function () {
    const times = CALL_ORDER.map((label) => {
      const found = received.find(({ message }) => labelOf(message) === label)
      return Date.parse(found?.message.timestamp ?? '')
    })
    const sorted = [...times].sort((a, b) => a - b)

    expect(times.every(Number.isFinite)).to.equal(true)
    expect(times).to.deep.equal(sorted)
  })

  it('posts each type to its path', function () {
    for (const { message, path } of received) {
      expect(path).to.equal(PATH_BY_TYPE[message.type ?? ''])
    }
  })

  it('puts writeKey in each body', function () {
    const keys = received.map(({ message }) => message.writeKey)

    expect(keys).to.deep.equal([WRITE_KEY, WRITE_KEY, WRITE_KEY, WRITE_KEY])
  })

  it('puts sentAt in each body', function () {
    for (const { message } of received) {
      const sentAt = message.sentAt ?? ''
      expect(sentAt).to.match(ISO_TIMESTAMP)
      expect(Date.parse(sentAt)).to.be.at.least(
        Date.parse(message.timestamp ?? ''),
      )
    }
  })

  it('names the library', function () {
    const names = received.map(({ message }) => message.context?.library?.name)

    expect(new Set(names)).to.deep.equal(new Set(['clickstream-analytics']))
  })

  it('records the page URL', function () {
    const urls = received.map(({ message }) => message.context?.page?.url)

    expect(new Set(urls)).to.deep.equal(new Set([harness.pageUrl(PAGE_PATH)]))
  })

  it('keeps one anonymousId', function () {
    const ids = new Set(received.map(({ message }) => message.anonymousId))

    expect(ids.size).to.equal(1)
    expect([...ids][0])
      .to.be.a('string')
      .with.length.greaterThan(0)
  })

  it('adds _metadata to each message', function () {
    for (const { message } of received) {
      expect(message._metadata).to.be.an('object')
    }
  })

  it('raises no page errors', function () {
    expect(watched.problems).to.deep.equal([])
  })
})

function labelOf(message: TrackingMessage): string {
  return [message.type, message.event].filter(Boolean).join(' ')
}

function hasPageAndABC(records: readonly ReceivedEvent[]): boolean {
  const labels = records.map(({ message }) => labelOf(message))
  return CALL_ORDER.every((label) => labels.includes(label))
}
