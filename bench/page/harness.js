// In-page driver of the dispatch cases. The case page loads it before the
// script of one SDK, which sets `window.benchSdk` (see bench/README.md).
/* global window, document */
;(function () {
  // A message on a channel runs as the next task without the 4 ms clamp
  // that nested setTimeout(0) gets, so the bursts follow each other as
  // fast as the page allows, as on a busy page.
  const channel = new MessageChannel()
  const waiting = []
  channel.port1.onmessage = () => waiting.shift()()

  function yieldToBrowser() {
    return new Promise((resolve) => {
      waiting.push(resolve)
      channel.port2.postMessage(null)
    })
  }

  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script')
      script.src = url
      script.onload = resolve
      script.onerror = () => reject(new Error(`failed to load ${url}`))
      document.head.appendChild(script)
    })
  }

  /**
   * Calls `benchSdk[method](index)` `calls` times, `burst` calls per task.
   * `syncMs` sums the time inside the call loops. `burstMs` sums, for each
   * burst, the time from its first call until the page runs the next task
   * of ours, so it adds the microtasks the calls queued and any task the
   * browser ran in between. `startedAt` and `endedAt` are epoch
   * milliseconds, comparable with the collector's arrival times. `counts`
   * are the SDK's counts once the last burst is over.
   */
  async function runBursts({ method, calls, burst }) {
    const call = window.benchSdk[method]
    if (typeof call !== 'function') {
      throw new Error(`benchSdk has no method ${method}`)
    }
    let syncMs = 0
    let burstMs = 0
    const startedAt = Date.now()
    for (let done = 0; done < calls; done += burst) {
      const size = Math.min(burst, calls - done)
      const start = performance.now()
      for (let index = done; index < done + size; index++) call(index)
      const end = performance.now()
      await yieldToBrowser()
      syncMs += end - start
      burstMs += performance.now() - start
    }
    // A copy, because the SDK's counts change after the result is sent.
    const counts = JSON.parse(JSON.stringify(window.benchSdk.counts()))
    return { syncMs, burstMs, startedAt, endedAt: Date.now(), counts }
  }

  window.benchHarness = { loadScript, runBursts, yieldToBrowser }
})()
