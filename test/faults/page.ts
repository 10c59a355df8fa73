import { renderCallKeeper, renderSnippet } from '../../examples/lib/snippet.mjs'

/** Name of the function the driver exposes to every page of a scenario. */
export const REPORT_BINDING = '__faultReport'

/** A drop as the page reports it through `analytics.on('dropped')`. */
export interface DropReport {
  reason: string
  status?: number
  detail?: string
  tab: string
  seq: number
}

declare global {
  interface Window {
    /** Defined by the page: tracks `Fault Event` for each seq in [from, to). */
    __faultTrack(
      tab: string,
      from: number,
      to: number,
      padBytes: number,
      bigPads: Record<number, number>,
    ): number
  }
}

/**
 * Runs in the page after the snippet: reports every drop of a driver's
 * event to the driver, and defines the function the driver tracks with.
 * Plain ES5, because it is written into the page as is.
 */
const HARNESS_SCRIPT = `(function () {
  var report = window.${REPORT_BINDING}
  window.analytics.on('dropped', function (notice) {
    var event = notice && notice.event
    var props = (event && event.properties) || {}
    if (typeof props.tab !== 'string' || !report) return
    var sent = report({
      reason: notice.reason,
      status: notice.status,
      detail: notice.detail,
      tab: props.tab,
      seq: props.seq
    })
    // The report fails when the page is closing. Nothing is left to do then.
    if (sent && sent.catch) sent.catch(function () {})
  })
  window.__faultTrack = function (tab, from, to, padBytes, bigPads) {
    for (var seq = from; seq < to; seq++) {
      var bytes = bigPads[seq] || padBytes
      var properties = { tab: tab, seq: seq }
      if (bytes > 0) properties.pad = new Array(bytes + 1).join('x')
      window.analytics.track('Fault Event', properties)
    }
    return to - from
  }
})()`

/**
 * Builds the scenario's page: Segment's snippet as a customer pastes it,
 * loading the bundle from `cdnOrigin`, and the call keeper after it, as the
 * README sets a page up, then the driver's harness script.
 */
export function faultPage(cdnOrigin: string, writeKey: string): string {
  const snippet = renderSnippet({ cdnOrigin, writeKey })
  // The empty icon keeps Chromium from requesting /favicon.ico.
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>Fault scenario</title>
    <script>
${snippet}
${renderCallKeeper()}
    </script>
  </head>
  <body>
    <script>
${HARNESS_SCRIPT}
    </script>
  </body>
</html>
`
}
