// Starts the headless Chromium every case runs in, and opens the isolated
// pages the cases measure.
import { chromium } from 'playwright-core'

import { CHROMIUM_FLAGS, findChromium } from '../../scripts/find-chromium.mjs'

/**
 * Flags beyond scripts/find-chromium.mjs that keep the traffic of the SDKs
 * under test on 127.0.0.1. Host names other than 127.0.0.1 do not resolve.
 * Every other address goes to a proxy on a port nothing listens on, while
 * loopback traffic skips the proxy (Chromium's implicit bypass rule since
 * version 72).
 */
const LOOPBACK_ONLY_FLAGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--proxy-server=http://127.0.0.1:9',
]

/**
 * Launches Chromium. `exposeGc` adds `--js-flags=--expose-gc`, so pages
 * can call `gc()`. Only the memory case uses it, because it changes how
 * V8 runs.
 */
export async function launchBrowser({ exposeGc = false } = {}) {
  const flags = CHROMIUM_FLAGS.filter(
    (flag) => !flag.startsWith('--host-resolver-rules='),
  )
  flags.push(...LOOPBACK_ONLY_FLAGS)
  if (exposeGc) flags.push('--js-flags=--expose-gc')
  return chromium.launch({ executablePath: findChromium(), args: flags })
}

/**
 * Opens `url` in a context of its own (empty storage, cookies and cache),
 * with a DevTools session for main-thread metrics. `outside` lists each
 * request the page made to an origin other than `origin`.
 */
export async function openPage(browser, origin, url) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const outside = []
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`)) outside.push(request.url())
  })
  await page.goto(url)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  return {
    page,
    cdp,
    outside,
    close: () => context.close(),
  }
}

/**
 * Returns the renderer's main-thread time so far, in milliseconds: the
 * `TaskDuration` metric of the DevTools Performance domain, which sums
 * every task the page's main thread ran and leaves out idle time.
 */
export async function mainThreadMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const task = metrics.find((metric) => metric.name === 'TaskDuration')
  return task ? task.value * 1000 : Number.NaN
}
