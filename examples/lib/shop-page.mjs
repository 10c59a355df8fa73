import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import { sendText } from './http.mjs'
import { renderSnippet } from './snippet.mjs'

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url))

/** Static assets of the shop page; nothing outside this list is served. */
const ASSETS = {
  '/shop.css': 'text/css',
  '/shop.js': 'text/javascript',
  '/live-view.js': 'text/javascript',
  '/vendor-report.js': 'text/javascript',
}

const SNIPPET_PLACEHOLDER = '<!-- analytics.js snippet -->'
const HOST_PATTERN = /^[a-z0-9.-]+(:\d{1,5})?$/i

/** Returns true when `pathname` is the shop page or one of its assets. */
export function isShopPath(pathname) {
  return pathname === '/' || pathname === '/index.html' || pathname in ASSETS
}

/**
 * Serves the shop page with the snippet pointing at the host the browser
 * used, so page, bundle, settings and live view share one origin, as with
 * Segment's custom-domain set-up. `fallbackOrigin` is used when the Host
 * header is missing or not a plain host name. `loadOptions`, a function of
 * the page's origin, gives the snippet's load options.
 */
export async function serveShop(
  req,
  res,
  pathname,
  { writeKey, fallbackOrigin, loadOptions },
) {
  if (pathname in ASSETS) {
    const text = await readFile(PUBLIC_DIR + pathname.slice(1), 'utf8')
    sendText(res, 200, text, ASSETS[pathname])
    return
  }

  const host = req.headers.host
  const cdnOrigin = HOST_PATTERN.test(host ?? '')
    ? `http://${host}`
    : fallbackOrigin
  const template = await readFile(`${PUBLIC_DIR}index.html`, 'utf8')
  const options = loadOptions ? loadOptions(cdnOrigin) : undefined
  const snippet = `<script>\n${renderSnippet({ cdnOrigin, writeKey, loadOptions: options })}\n</script>`
  // A replacer function, so `$` in the snippet is never read as a pattern.
  const page = template.replace(SNIPPET_PLACEHOLDER, () => snippet)
  sendText(res, 200, page, 'text/html')
}
