import {
  HttpError,
  isPlainObject,
  parseJson,
  readBody,
  sendJson,
} from './http.mjs'

const MAX_DESTINATION_LENGTH = 100

/**
 * Creates the routes behind the live view: `/events` (received messages),
 * `/vendor-calls` (calls that stand-in vendor scripts report) and
 * `/events/stream`, one Server-Sent Events stream carrying both.
 */
export function createLiveRoutes({ events, vendorCalls, stream }) {
  events.subscribe((change) => {
    if (change.kind === 'append') stream.send('event', change.record)
    else stream.send('events-cleared', {})
  })
  vendorCalls.subscribe((change) => {
    if (change.kind === 'append') stream.send('vendor-call', change.record)
    else stream.send('vendor-calls-cleared', {})
  })

  const routes = {
    '/events': {
      GET: (req, res) => sendJson(res, 200, events.list()),
      DELETE: (req, res) => clear(res, events),
    },
    '/vendor-calls': {
      GET: (req, res) => sendJson(res, 200, vendorCalls.list()),
      POST: (req, res) => recordVendorCall(req, res, vendorCalls),
      DELETE: (req, res) => clear(res, vendorCalls),
    },
    '/events/stream': {
      // The snapshot comes first, so the page never misses a record that
      // arrives between loading the list and opening the stream.
      GET: (req, res) =>
        stream.open(req, res, [
          { event: 'events', data: events.list() },
          { event: 'vendor-calls', data: vendorCalls.list() },
        ]),
    },
  }

  function matches(pathname) {
    return pathname in routes
  }

  async function handle(req, res, pathname) {
    const methods = routes[pathname]
    const handler = methods[req.method]
    if (!handler) {
      res.setHeader('Allow', Object.keys(methods).join(', '))
      throw new HttpError(405, `${req.method} is not allowed on ${pathname}`)
    }
    await handler(req, res)
  }

  return { matches, handle }
}

function clear(res, log) {
  log.clear()
  sendJson(res, 200, { success: true })
}

async function recordVendorCall(req, res, vendorCalls) {
  const body = parseJson(await readBody(req))
  const destination = isPlainObject(body) ? body.destination : undefined
  if (
    typeof destination !== 'string' ||
    destination.length === 0 ||
    destination.length > MAX_DESTINATION_LENGTH
  ) {
    throw new HttpError(
      400,
      `Body must be {"destination": string of 1 to ${MAX_DESTINATION_LENGTH} characters, "call": any JSON}`,
    )
  }

  vendorCalls.append({
    receivedAt: new Date().toISOString(),
    destination,
    call: body.call ?? null,
  })
  sendJson(res, 200, { success: true })
}
