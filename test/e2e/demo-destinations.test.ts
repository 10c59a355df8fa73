import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect } from 'chai'
import type { Browser, Page } from 'playwright-core'

import {
  startDemoServer,
  type DemoServer,
} from '../../examples/demo-server.mjs'
import { DEMO_DESTINATIONS } from '../../examples/lib/destinations.mjs'
import {
  launchBrowser,
  openWatchedPage,
  type WatchedPage,
} from './helpers/browser'
import { assertBundleBuilt, DIST_DIR } from './helpers/bundle'

const DESTINATIONS = Object.keys(DEMO_DESTINATIONS)

describe('demo destinations', function () {
  let browser: Browser
  let demo: DemoServer
  let dataDir: string
  let watched: WatchedPage
  let page: Page

  before(async function () {
    assertBundleBuilt()
    browser = await launchBrowser()
    dataDir = await mkdtemp(join(tmpdir(), 'clickstream-demo-'))
    demo = await startDemoServer({
      dataDir,
      distDir: DIST_DIR,
      destinations: true,
    })
    watched = await openWatchedPage(browser)
    page = watched.page

    await page.goto(demo.url)
    await page.evaluate(() =>
      (
        window as unknown as { analytics: { ready(): Promise<void> } }
      ).analytics.ready(),
    )
    await page.click('[data-action="view-product"][data-product="sku-door"]')
    await page.click('[data-action="add-to-cart"][data-product="sku-door"]')
    await page.click('[data-action="complete-order"]')
    await page.click('[data-action="identify"]')
    await waitForVendorCalls(demo, DESTINATIONS)
  })

  after(async function () {
    await watched?.close()
    await demo?.close()
    await browser?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('loads every destination', async function () {
    const statuses = await page.evaluate(() =>
      (
        window as unknown as {
          analytics: { destinationStatus(): Record<string, string> }
        }
      ).analytics.destinationStatus(),
    )

    for (const name of DESTINATIONS)
      expect(statuses[name], name).to.equal('ready')
  })

  it('records vendor calls for each destination', function () {
    const reported = new Set(
      demo.vendorCalls.list().map((call) => call.destination),
    )

    for (const name of DESTINATIONS)
      expect(reported.has(name), name).to.equal(true)
  })

  it('shows a vendor panel per destination', async function () {
    for (const name of DESTINATIONS) {
      await page
        .locator(`section[data-destination="${name}"]`)
        .waitFor({ timeout: 5000 })
    }
    const panels = await page.locator('section[data-destination]').count()

    expect(panels).to.equal(DESTINATIONS.length)
  })

  it('keeps the page free of errors', function () {
    expect(watched.problems).to.deep.equal([])
  })
})

async function waitForVendorCalls(
  demo: DemoServer,
  names: string[],
): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const reported = new Set(
      demo.vendorCalls.list().map((call) => call.destination),
    )
    const missing = names.filter((name) => !reported.has(name))
    if (missing.length === 0) return
    if (Date.now() > deadline)
      throw new Error(`no vendor calls from ${missing.join(', ')} within 10 s`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
