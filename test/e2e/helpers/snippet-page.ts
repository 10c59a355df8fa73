import {
  renderCallKeeper,
  renderSnippet,
} from '../../../examples/lib/snippet.mjs'

/**
 * Builds a page that includes Segment's snippet in its head, exactly as a
 * customer pastes it, followed by `bodyScript` at the end of the body. With
 * `callKeeper`, the call keeper script follows the snippet.
 */
export function snippetPage(options: {
  cdnOrigin: string
  writeKey: string
  bodyScript?: string
  callKeeper?: boolean
}): string {
  const snippet = options.callKeeper
    ? `${renderSnippet(options)}\n${renderCallKeeper()}`
    : renderSnippet(options)
  const bodyScript = options.bodyScript ?? ''
  // The empty icon keeps Chromium from requesting /favicon.ico.
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>End-to-end test page</title>
    <script>
${snippet}
    </script>
  </head>
  <body>
    <h1>End-to-end test page</h1>
    <script>
${bodyScript}
    </script>
  </body>
</html>
`
}
