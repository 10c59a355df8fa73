import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect } from 'chai'
import type { Browser, Page } from 'playwright-core'

import {
  startDemoServer,
  type DemoServer,
} from '../../examples/demo-server.mjs'
import {
  launchBrowser,
  openWatchedPage,
  type WatchedPage,
} from './helpers/browser'
import { assertBundleBuilt, DIST_DIR } from './helpers/bundle'

/** Buttons pressed in this order; `reset` sends no message. */
const BUTTONS = [
  '[data-action="view-product"][data-product="sku-door"]',
  '[data-action="add-to-cart"][data-product="sku-door"]',
  '[data-action="complete-order"]',
  '[data-action="identify"]',
  '[data-action="group"]',
  '[data-action="alias"]',
  '[data-action="page"]',
  '[data-action="reset"]',
]

/** The snippet's page call plus one message per button except reset. */
const EXPECTED_ROWS = 8

describe('demo page', function () {
  let browser: Browser
  let demo: DemoServer
  let dataDir: string
  let watched: WatchedPage
  let page: Page

  before(async function () {
    assertBundleBuilt()
    browser = await launchBrowser()
    dataDir = await mkdtemp(join(tmpdir(), 'clickstream-demo-'))
    demo = await startDemoServer({ dataDir, distDir: DIST_DIR })
    watched = await openWatchedPage(browser)
    page = watched.page

    await page.goto(demo.url)
    await page.locator('#event-list li[data-type="page"]').waitFor()
    for (const selector of BUTTONS) await page.click(selector)
    await page.waitForFunction(
      (count) => document.querySelectorAll('#event-list li').length >= count,
      EXPECTED_ROWS,
      { timeout: 10_000 },
    )
  })

  after(async function () {
    await watched?.close()
    await demo?.close()
    await browser?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('shows one row per message', async function () {
    const rows = await page.locator('#event-list li').count()

    expect(rows).to.equal(EXPECTED_ROWS)
  })

  it('lists message types newest first', async function () {
    const types = await rowAttribute(page, 'data-type')

    expect(types).to.deep.equal([
      'page',
      'alias',
      'group',
      'identify',
      'track',
      'track',
      'track',
      'page',
    ])
  })

  it('lists track events newest first', async function () {
    const names = await page
      .locator('#event-list li[data-type="track"] .event-name')
      .allTextContents()

    expect(names).to.deep.equal([
      'Order Completed',
      'Product Added',
      'Product Viewed',
    ])
  })

  it('matches the stored messageIds', async function () {
    const displayedIds = await rowAttribute(page, 'data-message-id')
    const stored = demo.events.list().map(({ message }) => message.messageId)

    expect(displayedIds).to.deep.equal(stored.reverse())
  })

  it('expands a row to its JSON', async function () {
    const row = page.locator('#event-list li').first()
    const messageId = await row.getAttribute('data-message-id')

    await row.locator('summary').click()

    const json = JSON.parse(await row.locator('pre').innerText())
    expect(json.message.messageId).to.equal(messageId)
  })

  it('adds a panel per destination', async function () {
    const call = { method: 'track', args: ['Purchase', { value: '30.00' }] }

    const response = await fetch(`${demo.origin}/vendor-calls`, {
      method: 'POST',
      body: JSON.stringify({ destination: 'Facebook Pixel', call }),
    })

    expect(response.status).to.equal(200)
    const panel = page.locator('section[data-destination="Facebook Pixel"]')
    await panel.locator('pre').waitFor()
    expect(await panel.locator('h3').innerText()).to.equal('Facebook Pixel')
    expect(JSON.parse(await panel.locator('pre').innerText())).to.deep.equal(
      call,
    )
  })

  it('raises no page errors', function () {
    expect(watched.problems).to.deep.equal([])
  })
})

function rowAttribute(page: Page, name: string): Promise<(string | null)[]> {
  return page
    .locator('#event-list li')
    .evaluateAll(
      (rows, attribute) => rows.map((row) => row.getAttribute(attribute)),
      name,
    )
}
