import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import { HttpError, sendText } from './http.mjs'
import { PIXEL_DESTINATIONS } from './destinations.mjs'

// The stand-ins live with the test fixtures, so the demo and the browser
// tests run the same replacement for each vendor script.
const STAND_IN_DIR = fileURLToPath(
  new URL('../../test/fixtures/vendors/', import.meta.url),
)
const STAND_IN_PATH = /^\/vendor-stand-ins\/([\w.-]+\.js)$/
const PIXEL_PATH = /^\/vendor-pixels\/([\w-]+)\/(.*)$/

/**
 * Creates the routes of vendor stand-ins: `/vendor-stand-ins/<file>` serves
 * a stand-in script, and `/vendor-pixels/<name>/<rest>` records a pixel or
 * iframe request as a vendor call, since a pixel runs no script to report it.
 */
export function createVendorRoutes({ vendorCalls }) {
  function matches(pathname) {
    return STAND_IN_PATH.test(pathname) || PIXEL_PATH.test(pathname)
  }

  async function handle(req, res, pathname) {
    const standIn = STAND_IN_PATH.exec(pathname)
    if (standIn) {
      let code
      try {
        code = await readFile(STAND_IN_DIR + standIn[1], 'utf8')
      } catch {
        throw new HttpError(404, `No stand-in named ${standIn[1]}`)
      }
      sendText(res, 200, code, 'text/javascript')
      return
    }

    const [, name, rest] = PIXEL_PATH.exec(pathname)
    const destination = PIXEL_DESTINATIONS[name]
    if (!destination)
      throw new HttpError(404, `No pixel stand-in named ${name}`)
    const query = new URL(req.url, 'http://127.0.0.1').search
    vendorCalls.append({
      receivedAt: new Date().toISOString(),
      destination,
      call: [decodeURIComponent(rest) + query],
    })
    sendText(res, 200, '<!doctype html><title>pixel</title>', 'text/html')
  }

  return { matches, handle }
}
