/** Interval of the comment lines that keep idle proxies from closing streams. */
const HEARTBEAT_MS = 15_000

/**
 * Creates a Server-Sent Events hub: `open(req, res)` turns a request into a
 * stream, `send(event, data)` writes to every open stream.
 */
export function createEventStream() {
  const clients = new Set()

  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': heartbeat\n\n')
  }, HEARTBEAT_MS)
  // The heartbeat alone must not keep the process alive.
  heartbeat.unref()

  /** Opens a stream and sends `initial` events to this client only. */
  function open(req, res, initial = []) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    // Tells EventSource how long to wait before it reconnects.
    res.write('retry: 1000\n\n')
    for (const { event, data } of initial) res.write(format(event, data))

    clients.add(res)
    req.on('close', () => clients.delete(res))
  }

  function send(event, data) {
    const chunk = format(event, data)
    for (const res of clients) res.write(chunk)
  }

  function close() {
    clearInterval(heartbeat)
    for (const res of clients) res.end()
    clients.clear()
  }

  return { open, send, close }
}

// JSON.stringify never emits a raw newline, so each payload is one data line.
function format(event, data) {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}
