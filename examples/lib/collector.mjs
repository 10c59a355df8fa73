import {
  HttpError,
  isPlainObject,
  parseJson,
  readBody,
  sendJson,
} from './http.mjs'

/**
 * Paths of Segment's HTTP Tracking API, short and long forms, under `/v1`.
 * Each single-message path maps to the message type it accepts.
 */
const SINGLE_MESSAGE_PATHS = {
  t: 'track',
  track: 'track',
  p: 'page',
  page: 'page',
  i: 'identify',
  identify: 'identify',
  g: 'group',
  group: 'group',
  a: 'alias',
  alias: 'alias',
  s: 'screen',
  screen: 'screen',
}
const BATCH_PATHS = new Set(['b', 'batch'])

/** Maximum number of raw requests kept for inspection. */
const MAX_REQUESTS_KEPT = 1000

/**
 * Creates the collector: it accepts Segment tracking API requests, stores each
 * message in `events`, and fails its next responses on request (`failNext`).
 */
export function createCollector({ events }) {
  const requests = []
  const faults = []

  /** Returns true when `pathname` is a tracking API path this collector serves. */
  function matches(pathname) {
    const name = collectorPathName(pathname)
    return (
      name !== null && (name in SINGLE_MESSAGE_PATHS || BATCH_PATHS.has(name))
    )
  }

  /**
   * Makes the next `count` tracking requests fail with `status` (and
   * `headers`, such as `Retry-After`). Faults queue in call order.
   */
  function failNext(count, status = 500, headers = {}) {
    for (let i = 0; i < count; i += 1) faults.push({ status, headers })
  }

  async function handle(req, res, pathname) {
    const body = await readBody(req)
    const receivedAt = new Date().toISOString()
    const fault = faults.shift()
    if (fault) {
      remember({ receivedAt, path: pathname, status: fault.status, body })
      sendJson(
        res,
        fault.status,
        { success: false, message: 'Failure injected by the demo collector' },
        fault.headers,
      )
      return
    }

    let received
    try {
      received = unpack(collectorPathName(pathname), parseJson(body), req)
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500
      remember({ receivedAt, path: pathname, status, body })
      throw error
    }

    remember({ receivedAt, path: pathname, status: 200, body })
    for (const message of received.messages) {
      events.append({
        receivedAt,
        path: pathname,
        writeKey: received.writeKey,
        sentAt: received.sentAt,
        message,
      })
    }
    sendJson(res, 200, { success: true })
  }

  function remember(request) {
    requests.push(request)
    if (requests.length > MAX_REQUESTS_KEPT) requests.shift()
  }

  return { matches, handle, failNext, requests }
}

function collectorPathName(pathname) {
  const match = /^\/v1\/([a-z]+)\/?$/.exec(pathname)
  return match ? match[1] : null
}

/**
 * Validates a request body and returns its messages with the envelope
 * fields. A batch carries `writeKey` and `sentAt` once for all its messages.
 */
function unpack(name, body, req) {
  if (!isPlainObject(body)) {
    throw new HttpError(400, 'Request body must be a JSON object')
  }

  if (BATCH_PATHS.has(name)) {
    if (!Array.isArray(body.batch)) {
      throw new HttpError(400, 'Batch body must have a "batch" array')
    }
    const invalid = body.batch.findIndex((item) => !isPlainObject(item))
    if (invalid !== -1) {
      throw new HttpError(400, `batch[${invalid}] must be a JSON object`)
    }
    return {
      messages: body.batch,
      writeKey: body.writeKey ?? basicAuthUser(req),
      sentAt: body.sentAt,
    }
  }

  const expected = SINGLE_MESSAGE_PATHS[name]
  if (body.type !== undefined && body.type !== expected) {
    throw new HttpError(
      400,
      `Message type "${body.type}" does not match /v1/${name}, which takes "${expected}"`,
    )
  }
  return {
    messages: [body],
    writeKey: body.writeKey ?? basicAuthUser(req),
    sentAt: body.sentAt,
  }
}

/** Segment's API also accepts the write key as the Basic auth user name. */
function basicAuthUser(req) {
  const header = req.headers.authorization ?? ''
  const match = /^Basic\s+(\S+)$/i.exec(header)
  if (!match) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  return decoded.split(':')[0] || undefined
}
