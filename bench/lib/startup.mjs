// Start-up: Segment's snippet loads dist/analytics.min.js, which fetches
// settings that turn on the demo's seven destinations, each pointed at a
// stand-in vendor script on the bench server. One sample per round, each in
// a fresh context (empty cache and storage).
//
// The functions passed to page.evaluate run in the page, where window exists.
/* global window */
import { DEMO_DESTINATIONS } from '../../examples/lib/destinations.mjs'
import { openPage } from './browser.mjs'

/** Start-up lasts until this long after `ready`, so work that `ready` sets off counts. */
export const AFTER_READY_MS = 500

const READY_TIMEOUT_MS = 30_000

/**
 * Returns one start-up sample: `readyMs` from the snippet's script to
 * `ready`, `readyFromNavigationMs` from navigation start, the long tasks
 * (over 50 ms, as the Long Tasks API reports them) that started before
 * the end of start-up, and each destination's status.
 */
export async function measureStartup({ browser, server }, round) {
  const writeKey = `startup-r${round}`
  const url = `${server.origin}/startup.html?writeKey=${writeKey}`
  const opened = await openPage(browser, server.origin, url)
  try {
    const { page } = opened
    await page.waitForFunction(() => window.__startup.readyAt > 0, null, {
      timeout: READY_TIMEOUT_MS,
    })
    await page.waitForTimeout(AFTER_READY_MS)
    const recorded = await page.evaluate(() => ({
      ...window.__startup,
      statuses: window.analytics.destinationStatus(),
    }))
    const endOfStartup = recorded.readyAt + AFTER_READY_MS
    const longTasks = recorded.longTasks.filter(
      (task) => task.startTime <= endOfStartup,
    )
    return {
      readyMs: recorded.readyAt - recorded.snippetAt,
      readyFromNavigationMs: recorded.readyAt,
      longTasks,
      longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration)),
      observerError: recorded.observerError,
      destinationsNotReady: Object.keys(DEMO_DESTINATIONS).filter(
        (name) => recorded.statuses[name] !== 'ready',
      ),
      outsideRequests: opened.outside.length,
    }
  } finally {
    await opened.close()
  }
}
