// Backlog: what a track call costs while the first-party endpoint cannot
// send, so every event waits in localStorage, as on a page that is offline.
// One call per task, as a page that tracks clicks makes them, first with an
// empty queue and then with `STORED_EVENTS` events stored. Each call writes
// its event to storage in its own task, so a store that rewrote the whole
// queue on each write would cost more per call as the queue grows.
//
// The functions passed to page.evaluate run in the page, where window exists.
/* global window */
import { openPage } from './browser.mjs'

/** Events stored before the second measurement. */
export const STORED_EVENTS = 4000

/** Calls measured at each queue length, one per task. */
export const MEASURED_CALLS = 200

/** Calls per task while the queue fills. */
const FILL_BURST = 1000

/**
 * Returns one backlog sample. `emptyUs` is µs per track call with an empty
 * queue and `storedUs` with `STORED_EVENTS` events stored, each call in a
 * task of its own with the microtasks it queued. `storedEvents` counts the
 * events in storage before the second measurement.
 */
export async function measureBacklog({ browser, server, bundles }, round) {
  const { origin } = server
  const laneId = `backlog-r${round}`
  const opened = await openPage(
    browser,
    origin,
    `${origin}/case.html?sdk=clickstream`,
  )
  try {
    const { page } = opened
    await page.evaluate((config) => window.benchSdk.load(config), {
      bundleUrl: `/bench/${bundles.clickstream}.js`,
      destinations: 0,
      apiHost: `${new URL(origin).host}/lane/${laneId}/v1`,
      writeKey: laneId,
      batch: { size: 100, timeout: 1000 },
    })
    // navigator.onLine turns false, so the endpoint keeps every event stored.
    await page.context().setOffline(true)
    const run = (calls, burst) =>
      page.evaluate((options) => window.benchHarness.runBursts(options), {
        method: 'track',
        calls,
        burst,
      })

    const empty = await run(MEASURED_CALLS, 1)
    await run(STORED_EVENTS - MEASURED_CALLS, FILL_BURST)
    const storedEvents = await page.evaluate(() => {
      let count = 0
      for (let index = 0; index < window.localStorage.length; index++) {
        const key = window.localStorage.key(index)
        if (!key.startsWith('clickstream:queue:')) continue
        count += JSON.parse(window.localStorage.getItem(key)).length
      }
      return count
    })
    const stored = await run(MEASURED_CALLS, 1)
    return {
      emptyUs: (empty.burstMs * 1000) / MEASURED_CALLS,
      storedUs: (stored.burstMs * 1000) / MEASURED_CALLS,
      storedEvents,
      drops: stored.counts.drops,
      outsideRequests: opened.outside.length,
    }
  } finally {
    await opened.close()
  }
}
