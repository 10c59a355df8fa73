'use strict'
// Karma middleware that gives browser tests a same-origin collector and
// stand-in vendor scripts:
//   POST /__test__/v1/{t,p,i,g,a,s,b}   Segment-style collector, 200 {"success":true}
//   GET  /__test__/messages?writeKey=K  messages received for write key K
//   GET  /__test__/vendor/<name>.js     a script that records it ran
//   GET  /__test__/missing/<name>.js    404, as a blocked vendor script fails
//   GET  /__test__/stand-ins/<file>     a file of test/fixtures/vendors, the
//                                       stand-ins for vendor scripts

const fs = require('node:fs')
const path = require('node:path')

const STAND_INS = path.join(__dirname, '..', 'fixtures', 'vendors')
const messages = new Map()

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function collect(path, body) {
  const batch = path === '/b' ? body.batch : [body]
  for (const item of batch) {
    const key = body.writeKey ?? item.writeKey ?? ''
    if (!messages.has(key)) messages.set(key, [])
    messages.get(key).push({ path, body: item })
  }
}

function createTestServer() {
  return async function testServer(request, response, next) {
    const url = new URL(request.url, 'http://127.0.0.1')
    if (!url.pathname.startsWith('/__test__/')) return next()

    const route = url.pathname.slice('/__test__'.length)
    if (route.startsWith('/v1/') && request.method === 'POST') {
      const body = JSON.parse(await readBody(request))
      collect(route.slice(3), body)
      response.writeHead(200, { 'content-type': 'application/json' })
      return response.end('{"success":true}')
    }
    if (route === '/messages') {
      const list = messages.get(url.searchParams.get('writeKey') ?? '') ?? []
      response.writeHead(200, { 'content-type': 'application/json' })
      return response.end(JSON.stringify(list))
    }
    const standIn = /^\/stand-ins\/([\w.-]+\.js)$/.exec(route)
    if (standIn && fs.existsSync(path.join(STAND_INS, standIn[1]))) {
      response.writeHead(200, { 'content-type': 'text/javascript' })
      return response.end(fs.readFileSync(path.join(STAND_INS, standIn[1])))
    }
    const vendor = /^\/vendor\/([\w-]+)\.js$/.exec(route)
    if (vendor) {
      response.writeHead(200, { 'content-type': 'text/javascript' })
      return response.end(
        `(window.__vendorScripts = window.__vendorScripts || []).push(${JSON.stringify(vendor[1])})`,
      )
    }
    response.writeHead(404, { 'content-type': 'text/plain' })
    return response.end(`no test route ${route}`)
  }
}

module.exports = { 'middleware:test-server': ['factory', createTestServer] }
