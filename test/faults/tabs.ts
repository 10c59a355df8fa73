import { setTimeout as sleep } from 'node:timers/promises'

import type { BrowserContext, Page } from 'playwright-core'

import { REPORT_BINDING, type DropReport } from './page'

/** Chromium logs each failed request on the console. Those lines are expected. */
const NETWORK_CONSOLE_LINE = /Failed to load resource|net::ERR_/

/**
 * Debug-mode lines worth printing: adoption, calls taken from closed pages,
 * rate limits and failures, not every send. FAULTS_DEBUG_ALL=1 prints all.
 */
const DEBUG_LINE = process.env.FAULTS_DEBUG_ALL
  ? /./
  : /adopted|failed|left waiting|left stored|rate limited/

/** Maximum wait for the page to load and `analytics.ready` to call back. */
const READY_TIMEOUT_MS = 15_000

/** What the pages of one scenario did, as the driver saw it. */
export interface PageLog {
  /** Events tracked per tab label: every seq below the number was tracked. */
  tracked: Map<string, number>
  drops: DropReport[]
  /** Uncaught exceptions and unexpected console errors. */
  problems: string[]
  /** Console errors the scenario provokes on purpose, such as a misuse report. */
  expectedConsole?: RegExp
  /** Turns on `analytics.debug()` and prints the endpoint's notes on adoption. */
  debug?: boolean
}

export interface TrackOptions {
  /** Events per `evaluate` call. Default 50. */
  chunk?: number
  /** Milliseconds between chunks. Default 0. */
  gapMs?: number
  /** Padding added to each event, in bytes. Default 0. */
  padBytes?: number
  /** Padding of single events, by seq, in bytes. */
  bigPads?: Record<number, number>
}

/**
 * One browser tab playing a visitor. `label` names it in the events' `tab`
 * property; sequence numbers go on across the tab's page loads.
 */
export interface Tab {
  label: string
  page: Page
  /**
   * Loads the page and waits until analytics is ready, or with `ready`
   * false only until the page can track, on the snippet's stub maybe.
   */
  open(ready?: boolean): Promise<void>
  /** Tracks `count` events. Resolves once the page made every call. */
  track(count: number, options?: TrackOptions): Promise<void>
  /** Reloads at once, then waits as `open` does. */
  reload(ready?: boolean): Promise<void>
  close(): Promise<void>
}

function turnOnDebug(): void {
  const { analytics } = window as unknown as {
    analytics: { debug(on: boolean): void }
  }
  analytics.debug(true)
}

async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => typeof window.__faultTrack === 'function',
    undefined,
    { timeout: READY_TIMEOUT_MS },
  )
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const analytics = (
          window as unknown as {
            analytics: { ready(callback: () => void): void }
          }
        ).analytics
        analytics.ready(() => resolve())
      }),
  )
}

/** Exposes the drop report to every page of the context. Call once per context. */
export async function watchContext(
  context: BrowserContext,
  log: PageLog,
): Promise<void> {
  await context.exposeBinding(REPORT_BINDING, (_source, report: DropReport) => {
    log.drops.push(report)
  })
}

export async function openTab(
  context: BrowserContext,
  url: string,
  label: string,
  log: PageLog,
): Promise<Tab> {
  const page = await context.newPage()
  if (log.debug) {
    // Debug mode from the first line of the page, so calls made before
    // `ready` log too.
    await page.addInitScript(() =>
      sessionStorage.setItem('clickstream:debug', 'true'),
    )
  }
  page.on('pageerror', (error) =>
    log.problems.push(`${label}: page error: ${error.message}`),
  )
  page.on('console', (message) => {
    const text = message.text()
    if (log.debug && DEBUG_LINE.test(text)) console.log(`    ${label} ${text}`)
    if (message.type() !== 'error') return
    if (NETWORK_CONSOLE_LINE.test(text)) return
    if (log.expectedConsole?.test(text)) return
    log.problems.push(`${label}: console error: ${text}`)
  })
  log.tracked.set(label, log.tracked.get(label) ?? 0)

  return {
    label,
    page,

    async open(ready = true) {
      await page.goto(url, { waitUntil: 'domcontentloaded' })
      if (!ready) return
      await waitForReady(page)
      if (log.debug) await page.evaluate(turnOnDebug)
    },

    async track(count, options = {}) {
      const { chunk = 50, gapMs = 0, padBytes = 0, bigPads = {} } = options
      let left = count
      while (left > 0) {
        const from = log.tracked.get(label) ?? 0
        const to = from + Math.min(chunk, left)
        await page.evaluate(
          ([tab, start, end, pad, big]) =>
            window.__faultTrack(tab, start, end, pad, big),
          [label, from, to, padBytes, bigPads] as const,
        )
        log.tracked.set(label, to)
        left -= to - from
        if (gapMs > 0 && left > 0) await sleep(gapMs)
      }
    },

    async reload(ready = true) {
      await page.reload({ waitUntil: 'domcontentloaded' })
      if (ready) await waitForReady(page)
    },

    close: () => page.close(),
  }
}
