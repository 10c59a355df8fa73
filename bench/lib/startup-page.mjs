// The page of the start-up case: Segment's snippet as published, pointing
// at the bench server, after a script that starts a long-task observer.
import { renderSnippet } from '../../examples/lib/snippet.mjs'

// Runs before the snippet, so every long task of the load is observed.
// `window.__startup` is what the bench reads back; times are
// performance.now() values, milliseconds since navigation start.
const OBSERVER = `window.__startup = { snippetAt: 0, readyAt: 0, longTasks: [] };
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      window.__startup.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    });
  }).observe({ type: 'longtask', buffered: true });
} catch (error) {
  window.__startup.observerError = String(error);
}`

/**
 * Renders the page. `loadOptions` becomes the snippet's second `load`
 * argument; the write key also names the collector lane of the settings.
 */
export function renderStartupPage({ origin, writeKey, loadOptions }) {
  const snippet = renderSnippet({ cdnOrigin: origin, writeKey, loadOptions })
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>bench start-up</title>
<script>
${OBSERVER}
</script>
<script>
window.__startup.snippetAt = performance.now();
${snippet}
analytics.ready(function () { window.__startup.readyAt = performance.now(); });
</script>
</head>
<body><p>start-up</p></body>
</html>`
}
