import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { HttpError, sendJson, sendText } from './http.mjs'

const BUNDLE_PATH = /^\/analytics\.js\/v1\/([^/]+)\/analytics\.min\.js$/
const SETTINGS_PATH = /^\/v1\/projects\/([^/]+)\/settings$/

/**
 * Creates the routes that stand in for Segment's CDN: the bundle for any
 * write key, and the settings of a write key. `delays.bundle` and
 * `delays.settings` are read per request, so a test can change them.
 */
export function createCdnRoutes({ distDir, delays, buildSettings }) {
  function matches(pathname) {
    return BUNDLE_PATH.test(pathname) || SETTINGS_PATH.test(pathname)
  }

  async function handle(req, res, pathname) {
    const bundle = BUNDLE_PATH.exec(pathname)
    if (bundle) {
      decodeWriteKey(bundle[1])
      await applyDelay(delays.bundle)
      await sendBundle(res, distDir)
      return
    }

    const writeKey = decodeWriteKey(SETTINGS_PATH.exec(pathname)[1])
    await applyDelay(delays.settings)
    sendJson(res, 200, buildSettings(writeKey))
  }

  return { matches, handle }
}

/**
 * Waits before a response: `delay` is a number of milliseconds, or a
 * function whose promise the response waits for (a test uses one to hold a
 * response until it releases it).
 */
async function applyDelay(delay) {
  if (typeof delay === 'function') {
    await delay()
  } else if (typeof delay === 'number' && delay > 0) {
    await sleep(delay)
  }
}

async function sendBundle(res, distDir) {
  const file = join(distDir, 'analytics.min.js')
  let code
  try {
    code = await readFile(file, 'utf8')
  } catch (error) {
    if (error.code !== 'ENOENT') throw error
    sendText(
      res,
      404,
      `${file} not found: run \`npm run build\` to build the bundle, then reload.\n`,
    )
    return
  }
  // Read on every request and never cached, so a rebuild shows on reload.
  sendText(res, 200, code, 'text/javascript')
}

function decodeWriteKey(segment) {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new HttpError(400, `Invalid write key in path: ${segment}`)
  }
}
