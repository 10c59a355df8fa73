// The collector every SDK under test sends to. Each page posts to a lane of
// its own, `/lane/<id>/v1/<path>`, so one server keeps the cases apart.
// Bodies are Segment tracking API requests: a batch `{ batch: [...] }`
// counts its messages, any other JSON body counts as one message.
import {
  isPlainObject,
  parseJson,
  readBody,
  sendJson,
} from '../../examples/lib/http.mjs'

const LANE_PATH = /^\/lane\/([\w-]+)\/v1\/[\w/]+$/

/** Max request body: above the tracking API's 500 KB batch limit. */
const MAX_BODY_BYTES = 1024 * 1024

export function createCollector() {
  const lanes = new Map()

  /** Returns the counts of lane `id`, creating them empty on first use. */
  function lane(id) {
    let counts = lanes.get(id)
    if (!counts) {
      counts = { requests: 0, events: 0, firstAt: undefined, lastAt: undefined }
      lanes.set(id, counts)
    }
    return counts
  }

  function matches(pathname) {
    return LANE_PATH.test(pathname)
  }

  /** Counts one request; a body that is not JSON gets a 400 and no count. */
  async function handle(req, res, pathname) {
    const counts = lane(LANE_PATH.exec(pathname)[1])
    const body = parseJson(await readBody(req, MAX_BODY_BYTES))
    const now = Date.now()
    counts.requests++
    counts.events +=
      isPlainObject(body) && Array.isArray(body.batch) ? body.batch.length : 1
    counts.firstAt ??= now
    counts.lastAt = now
    sendJson(res, 200, { success: true })
  }

  return { lane, matches, handle }
}
