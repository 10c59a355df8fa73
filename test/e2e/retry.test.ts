import { setTimeout as sleep } from 'node:timers/promises'

import { expect } from 'chai'
import type { Browser } from 'playwright-core'

import type {
  CollectorRequest,
  TrackingMessage,
} from '../../examples/demo-server.mjs'
import {
  launchBrowser,
  openWatchedPage,
  type WatchedPage,
} from './helpers/browser'
import { assertBundleBuilt } from './helpers/bundle'
import { startHarness, type Harness } from './helpers/harness'
import { track, waitForReady } from './helpers/page-analytics'
import { perEventSettings, WRITE_KEY } from './helpers/settings'
import { snippetPage } from './helpers/snippet-page'

const PAGE_PATH = '/retry.html'
const EVENT = 'Retried Event'

/** Longer than the 1 s maximum backoff the test settings allow. */
const SETTLE_MS = 1500

/** Chromium logs the failed response as a console error, which is expected here. */
const EXPECTED_CONSOLE_ERROR = /Failed to load resource: .* status of 500/

describe('collector answering 500 then 200', function () {
  let browser: Browser
  let harness: Harness
  let watched: WatchedPage
  let attempts: { status: number; message: TrackingMessage }[]

  before(async function () {
    assertBundleBuilt()
    browser = await launchBrowser()
    harness = await startHarness({
      settings: perEventSettings,
      buildPages: (cdnOrigin) => ({
        [PAGE_PATH]: snippetPage({ cdnOrigin, writeKey: WRITE_KEY }),
      }),
    })
    watched = await openWatchedPage(browser)
    const { page } = watched
    const { demo } = harness

    await page.goto(harness.pageUrl(PAGE_PATH))
    await waitForReady(page)
    // Armed only after the snippet's page call is stored, so the failure
    // hits the track request.
    await demo.events.waitFor((records) => records.length > 0, {
      description: "the snippet's page call",
    })
    demo.failNext(1, 500)
    await track(page, EVENT)

    await demo.events.waitFor(
      (records) => records.some(({ message }) => message.event === EVENT),
      { description: `${EVENT} at the collector` },
    )
    await sleep(SETTLE_MS)
    attempts = demo.requests
      .map((request) => ({
        status: request.status,
        message: parseBody(request),
      }))
      .filter(({ message }) => message.event === EVENT)
  })

  after(async function () {
    await watched?.close()
    await harness?.close()
    await browser?.close()
  })

  it('sends a second attempt after 500', function () {
    const statuses = attempts.map(({ status }) => status)

    expect(statuses).to.deep.equal([500, 200])
  })

  it('stores the event once', function () {
    const stored = harness.demo.events
      .list()
      .filter(({ message }) => message.event === EVENT)

    expect(stored).to.have.length(1)
  })

  it('keeps the messageId on retry', function () {
    const ids = new Set(attempts.map(({ message }) => message.messageId))

    expect(ids.size).to.equal(1)
  })

  it('keeps the timestamp on retry', function () {
    const timestamps = new Set(attempts.map(({ message }) => message.timestamp))

    expect(timestamps.size).to.equal(1)
  })

  it('raises no page errors', function () {
    const unexpected = watched.problems.filter(
      (problem) => !EXPECTED_CONSOLE_ERROR.test(problem),
    )

    expect(unexpected).to.deep.equal([])
  })
})

function parseBody(request: CollectorRequest): TrackingMessage {
  try {
    return JSON.parse(request.body)
  } catch {
    return {}
  }
}
