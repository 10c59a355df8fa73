// Small response and request helpers shared by the demo server's routes.

/** Default cap on request bodies, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024

/** An error that carries the HTTP status the route responds with. */
export class HttpError extends Error {
  constructor(status, message) {
    super(message)
    this.name = 'HttpError'
    this.status = status
  }
}

/**
 * Adds CORS headers that let a page on any origin call the route. The origin
 * is echoed instead of `*` so a request sent with credentials still passes.
 */
export function allowCors(req, res) {
  const origin = req.headers.origin
  res.setHeader('Access-Control-Allow-Origin', origin || '*')
  res.setHeader('Vary', 'Origin')
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS')
  res.setHeader('Access-Control-Allow-Headers', 'content-type')
  res.setHeader('Access-Control-Max-Age', '600')
  // Browsers hide response headers from cross-origin pages unless they are
  // exposed, and the SDK reads these two to time its retries.
  res.setHeader(
    'Access-Control-Expose-Headers',
    'Retry-After, X-RateLimit-Reset',
  )
}

export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(text)
}

export function sendText(res, status, text, contentType = 'text/plain') {
  res.writeHead(status, {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

/**
 * Reads the whole request body as UTF-8 text. Rejects with a 413 HttpError
 * as soon as the body passes `limit` bytes, so a large upload is not buffered.
 */
export function readBody(req, limit = MAX_BODY_BYTES) {
  const declared = Number(req.headers['content-length'])
  if (declared > limit) {
    return Promise.reject(tooLarge(limit))
  }

  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        reject(tooLarge(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Parses JSON text, turning a syntax error into a 400 HttpError. */
export function parseJson(text) {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new HttpError(400, `Invalid JSON body: ${error.message}`)
  }
}

export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Sends the error response of a failed request. A 413 also closes the
 * connection, because the rest of the oversized body is never read.
 */
export function sendError(res, error) {
  const status = error instanceof HttpError ? error.status : 500
  const message =
    error instanceof HttpError ? error.message : 'Internal server error'
  const headers = status === 413 ? { Connection: 'close' } : {}
  if (res.headersSent) {
    res.destroy()
    return
  }
  sendJson(res, status, { success: false, message }, headers)
}

function tooLarge(limit) {
  return new HttpError(413, `Request body is larger than ${limit} bytes`)
}
