// Runs one dispatch case in a fresh page: loads one SDK with N no-op
// destinations, makes the calls in bursts, and, when asked, waits until
// every event reached every destination and the collector (or was dropped).
//
// The functions passed to page.evaluate run in the page, where window exists.
/* global window */
import { mainThreadMs, openPage } from './browser.mjs'
import { addCounts } from './stats.mjs'

/** Calls per task, as a busy page makes them. */
export const BURST = 1000

/** Batching of every SDK's endpoint: Segment's `deliveryStrategy.config`. */
export const BATCH = { size: 100, timeout: 1000 }

const POLL_MS = 100

/** Time after the last event settled before the heap is read: the SDKs' batch timers run out. */
const QUIET_MS = BATCH.timeout + 500

/**
 * Returns one sample of a case. `sdk` names a script in bench/page/
 * (`floor`, `clickstream`, `analytics-next`, `analytics`); `settle` makes
 * the case wait for delivery, up to `settleTimeoutMs`. Times are µs per
 * call; `mainThreadUs` covers the calls and everything after them until
 * the events settled, so it is set only for settled cases. `measureHeap`
 * (which implies `settle`, and needs a browser launched with `exposeGc`)
 * adds `heap`: the JS heap after a forced GC before the calls and after
 * the events settled.
 */
export async function runPageCase(
  { browser, server, bundles, laneId },
  {
    sdk,
    method,
    destinations,
    calls,
    settle = false,
    settleTimeoutMs,
    measureHeap = false,
  },
) {
  const { origin } = server
  const opened = await openPage(
    browser,
    origin,
    `${origin}/case.html?sdk=${sdk}`,
  )
  const { page, cdp } = opened
  try {
    await page.evaluate((config) => window.benchSdk.load(config), {
      bundleUrl: bundles[sdk] ? `/bench/${bundles[sdk]}.js` : undefined,
      destinations,
      apiHost: `${new URL(origin).host}/lane/${laneId}/v1`,
      writeKey: laneId,
      batch: BATCH,
    })
    const lane = server.lane(laneId)
    const heapBefore = measureHeap ? await heapAfterGc(page, cdp) : undefined
    const threadBefore = await mainThreadMs(cdp)
    const bursts = await page.evaluate(
      (options) => window.benchHarness.runBursts(options),
      { method, calls, burst: BURST },
    )
    const sample = {
      sdk,
      method,
      destinations,
      calls,
      syncUs: (bursts.syncMs * 1000) / calls,
      burstUs: (bursts.burstMs * 1000) / calls,
    }
    let { counts } = bursts
    if (settle || measureHeap) {
      const settled = await waitForSettled(page, lane, {
        expectedEvents: calls,
        expectedDestinationCalls: calls * destinations,
        timeoutMs: settleTimeoutMs ?? 60_000 + calls,
      })
      const threadAfter = await mainThreadMs(cdp)
      counts = settled.counts
      sample.settled = settled.done
      sample.mainThreadUs = ((threadAfter - threadBefore) * 1000) / calls
      sample.delivery = describeDelivery(lane, bursts.startedAt)
    }
    if (measureHeap) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS))
      const heapAfter = await heapAfterGc(page, cdp)
      sample.heap = {
        beforeBytes: heapBefore,
        afterBytes: heapAfter,
        retainedBytes: heapAfter - heapBefore,
      }
    }
    sample.drops = addCounts({}, counts.drops)
    sample.destinationCalls = counts.destinationCalls
    sample.outsideRequests = opened.outside.length
    return sample
  } finally {
    await opened.close()
  }
}

/**
 * Runs two full collections in the page (`gc()` exists with
 * `--js-flags=--expose-gc`), then returns the used JS heap in bytes, as
 * the DevTools Runtime domain reports it, unrounded.
 */
async function heapAfterGc(page, cdp) {
  await page.evaluate(() => {
    if (typeof window.gc !== 'function') {
      throw new Error('gc() is missing: launch Chromium with exposeGc')
    }
    window.gc()
    window.gc()
  })
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}

/**
 * Polls until the collector has every event not dropped, and every no-op
 * destination has every call. Returns whether that happened before the
 * timeout (`done`) and the SDK's last counts.
 */
async function waitForSettled(page, lane, options) {
  const { expectedEvents, expectedDestinationCalls, timeoutMs } = options
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const counts = await page.evaluate(() => window.benchSdk.counts())
    const dropped = Object.values(counts.drops).reduce((a, b) => a + b, 0)
    const done =
      lane.events + dropped >= expectedEvents &&
      counts.destinationCalls >= expectedDestinationCalls
    if (done || Date.now() > deadline) return { done, counts }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

function describeDelivery(lane, startedAt) {
  const seconds = lane.lastAt ? (lane.lastAt - startedAt) / 1000 : Number.NaN
  return {
    events: lane.events,
    requests: lane.requests,
    seconds,
    eventsPerSecond: lane.events / seconds,
    requestsPer1000: lane.events ? (lane.requests * 1000) / lane.events : 0,
  }
}
