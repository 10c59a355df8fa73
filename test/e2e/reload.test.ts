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

const PAGE_PATH = '/reload.html'
const EVENTS = ['Reload 1', 'Reload 2', 'Reload 3', 'Reload 4', 'Reload 5']

/** Longer than the 1 s batch timeout, so late duplicates are counted too. */
const SETTLE_MS = 2000

describe('reload right after track', function () {
  let browser: Browser
  let harness: Harness
  let watched: WatchedPage
  let received: ReceivedEvent[]

  before(async function () {
    assertBundleBuilt()
    browser = await launchBrowser()
    harness = await startHarness({
      settings: batchingSettings,
      buildPages: (cdnOrigin) => ({
        [PAGE_PATH]: snippetPage({ cdnOrigin, writeKey: WRITE_KEY }),
      }),
    })
    watched = await openWatchedPage(browser)
    const { page } = watched

    await page.goto(harness.pageUrl(PAGE_PATH))
    await waitForReady(page)
    // The events go into a batch that is due 1 s later, long after the reload.
    await page.evaluate((names) => {
      for (const name of names) window.analytics.track(name)
    }, EVENTS)
    await page.reload({ waitUntil: 'domcontentloaded' })

    await harness.demo.events.waitFor(
      (records) => EVENTS.every((name) => countEvent(records, name) > 0),
      {
        timeoutMs: 15_000,
        description: `${EVENTS.join(', ')} at the collector`,
      },
    )
    await sleep(SETTLE_MS)
    received = harness.demo.events.list()
  })

  after(async function () {
    await watched?.close()
    await harness?.close()
    await browser?.close()
  })

  it('delivers every event', function () {
    const missing = EVENTS.filter((name) => countEvent(received, name) === 0)

    expect(missing).to.deep.equal([])
  })

  // Delivery is at least once, so a duplicate is reported here, not failed.
  it('reports duplicate deliveries', function () {
    const tracked = received.filter(({ message }) =>
      EVENTS.includes(message.event ?? ''),
    )
    const unique = new Set(tracked.map(({ message }) => message.messageId))
    const duplicates = tracked.length - unique.size

    console.log(
      `      ${duplicates} duplicate deliveries of ${unique.size} events (by messageId)`,
    )
    if (duplicates > 0) console.log(describeDeliveries(tracked))
    expect(unique.size).to.equal(EVENTS.length)
  })

  it('raises no page errors', function () {
    expect(watched.problems).to.deep.equal([])
  })
})

/** Lists each event's deliveries as `path at time`, one event per line. */
function describeDeliveries(records: readonly ReceivedEvent[]): string {
  const byEvent = new Map<string, string[]>()
  for (const { message, path, receivedAt } of records) {
    const event = message.event ?? '(no event)'
    const deliveries = byEvent.get(event) ?? []
    deliveries.push(`${path} at ${receivedAt.slice(11)}`)
    byEvent.set(event, deliveries)
  }
  return [...byEvent]
    .map(([event, deliveries]) => `        ${event}: ${deliveries.join(', ')}`)
    .join('\n')
}

function countEvent(records: readonly ReceivedEvent[], name: string): number {
  return records.filter(({ message }) => message.event === name).length
}
