import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect } from 'chai'

import {
  startDemoServer,
  type DemoServer,
  type ReceivedEvent,
} from '../../examples/demo-server.mjs'
import { renderSnippet } from '../../examples/lib/snippet.mjs'

const BUNDLE_TEXT = 'window.fakeBundle = true\n'

describe('demo server', function () {
  let demo: DemoServer
  let dataDir: string
  let distDir: string

  beforeEach(async function () {
    dataDir = await mkdtemp(join(tmpdir(), 'clickstream-data-'))
    distDir = await mkdtemp(join(tmpdir(), 'clickstream-dist-'))
    await writeFile(join(distDir, 'analytics.min.js'), BUNDLE_TEXT)
    demo = await startDemoServer({ dataDir, distDir })
  })

  afterEach(async function () {
    await demo.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(distDir, { recursive: true, force: true })
  })

  function post(path: string, body: string): Promise<Response> {
    return fetch(demo.origin + path, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body,
    })
  }

  describe('settings', function () {
    it('returns the CDN settings shape', async function () {
      const response = await fetch(`${demo.origin}/v1/projects/key-1/settings`)

      expect(await response.json()).to.deep.equal({
        integrations: {
          'Segment.io': {
            apiKey: 'key-1',
            apiHost: `127.0.0.1:${demo.port}/v1`,
            protocol: 'http',
            deliveryStrategy: {
              strategy: 'batching',
              config: { size: 10, timeout: 1000 },
            },
          },
        },
        plan: { track: {} },
        middlewareSettings: {},
      })
    })

    it('allows any origin', async function () {
      const response = await fetch(
        `${demo.origin}/v1/projects/key-1/settings`,
        {
          headers: { Origin: 'http://shop.example.test' },
        },
      )

      expect(response.headers.get('access-control-allow-origin')).to.equal(
        'http://shop.example.test',
      )
    })

    it('takes settings from a function', async function () {
      await demo.close()
      demo = await startDemoServer({
        dataDir,
        distDir,
        settings: ({ writeKey, apiHost }) => ({ writeKey, apiHost }),
      })

      const response = await fetch(`${demo.origin}/v1/projects/key-2/settings`)

      expect(await response.json()).to.deep.equal({
        writeKey: 'key-2',
        apiHost: `127.0.0.1:${demo.port}/v1`,
      })
    })
  })

  describe('bundle', function () {
    it('serves dist/analytics.min.js for any key', async function () {
      const response = await fetch(
        `${demo.origin}/analytics.js/v1/any-key/analytics.min.js`,
      )

      expect(response.status).to.equal(200)
      expect(response.headers.get('content-type')).to.match(/^text\/javascript/)
      expect(await response.text()).to.equal(BUNDLE_TEXT)
    })

    it('names npm run build when missing', async function () {
      await rm(join(distDir, 'analytics.min.js'))

      const response = await fetch(
        `${demo.origin}/analytics.js/v1/any-key/analytics.min.js`,
      )

      expect(response.status).to.equal(404)
      expect(await response.text()).to.include('npm run build')
    })

    it('waits for the configured delay', async function () {
      demo.delays.bundle = 300
      const started = Date.now()

      await (
        await fetch(`${demo.origin}/analytics.js/v1/k/analytics.min.js`)
      ).text()

      expect(Date.now() - started).to.be.at.least(290)
    })
  })

  describe('collector', function () {
    it('stores a single message', async function () {
      const message = {
        type: 'track',
        event: 'X',
        messageId: 'm-1',
        writeKey: 'k',
        sentAt: 's',
      }

      const response = await post('/v1/t', JSON.stringify(message))

      expect(response.status).to.equal(200)
      expect(await response.json()).to.deep.equal({ success: true })
      const [stored] = demo.events.list()
      expect(stored.message).to.deep.equal(message)
      expect(stored.writeKey).to.equal('k')
      expect(stored.path).to.equal('/v1/t')
    })

    it('unpacks a batch with its envelope', async function () {
      const batch = [
        { type: 'page', messageId: 'm-1' },
        { type: 'identify', messageId: 'm-2' },
      ]

      await post(
        '/v1/b',
        JSON.stringify({ batch, sentAt: 'now', writeKey: 'k' }),
      )

      const stored = demo.events.list()
      expect(stored.map(({ message }) => message)).to.deep.equal(batch)
      expect(stored.map(({ sentAt }) => sentAt)).to.deep.equal(['now', 'now'])
      expect(stored.map(({ writeKey }) => writeKey)).to.deep.equal(['k', 'k'])
    })

    it('reads the write key from Basic auth', async function () {
      const response = await fetch(`${demo.origin}/v1/p`, {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa('basic-key:')}` },
        body: JSON.stringify({ type: 'page', messageId: 'm-1' }),
      })

      expect(response.status).to.equal(200)
      expect(demo.events.list()[0].writeKey).to.equal('basic-key')
    })

    it('rejects invalid JSON with 400', async function () {
      const response = await post('/v1/t', '{"type":')

      expect(response.status).to.equal(400)
      expect((await response.json()).message).to.match(/^Invalid JSON body/)
    })

    it('rejects a type on the wrong path', async function () {
      const response = await post('/v1/t', JSON.stringify({ type: 'page' }))

      expect(response.status).to.equal(400)
    })

    it('rejects a batch without an array', async function () {
      const response = await post('/v1/b', JSON.stringify({ batch: {} }))

      expect(response.status).to.equal(400)
    })

    it('rejects bodies over 1 MB with 413', async function () {
      const response = await post('/v1/t', 'x'.repeat(1024 * 1024 + 1))

      expect(response.status).to.equal(413)
      expect(demo.events.list()).to.deep.equal([])
    })

    it('answers the CORS preflight', async function () {
      const response = await fetch(`${demo.origin}/v1/t`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://shop.example.test',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      })

      expect(response.status).to.equal(204)
      expect(response.headers.get('access-control-allow-origin')).to.equal(
        'http://shop.example.test',
      )
      expect(response.headers.get('access-control-allow-methods')).to.include(
        'POST',
      )
      expect(response.headers.get('access-control-allow-headers')).to.include(
        'content-type',
      )
    })

    it('fails the next requests on demand', async function () {
      demo.failNext(2, 503, { 'Retry-After': '1' })
      const body = JSON.stringify({ type: 'track', event: 'X' })

      const first = await post('/v1/t', body)
      const second = await post('/v1/t', body)
      const third = await post('/v1/t', body)

      expect([first.status, second.status, third.status]).to.deep.equal([
        503, 503, 200,
      ])
      expect(first.headers.get('retry-after')).to.equal('1')
      expect(demo.events.list()).to.have.length(1)
      expect(demo.requests.map(({ status }) => status)).to.deep.equal([
        503, 503, 200,
      ])
    })

    it('appends messages to events.jsonl', async function () {
      await post('/v1/t', JSON.stringify({ type: 'track', messageId: 'm-1' }))
      await post('/v1/p', JSON.stringify({ type: 'page', messageId: 'm-2' }))
      await demo.events.flushed()

      const text = await readFile(join(dataDir, 'events.jsonl'), 'utf8')
      const lines = text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line))

      expect(lines.map(({ message }) => message.messageId)).to.deep.equal([
        'm-1',
        'm-2',
      ])
    })
  })

  describe('events', function () {
    it('lists received messages', async function () {
      await post('/v1/t', JSON.stringify({ type: 'track', messageId: 'm-1' }))

      const response = await fetch(`${demo.origin}/events`)
      const list = (await response.json()) as ReceivedEvent[]

      expect(list.map(({ message }) => message.messageId)).to.deep.equal([
        'm-1',
      ])
    })

    it('clears on DELETE', async function () {
      await post('/v1/t', JSON.stringify({ type: 'track', messageId: 'm-1' }))

      await fetch(`${demo.origin}/events`, { method: 'DELETE' })

      expect(demo.events.list()).to.deep.equal([])
    })

    it('streams a new message', async function () {
      const controller = new AbortController()
      const response = await fetch(`${demo.origin}/events/stream`, {
        signal: controller.signal,
      })
      const reader = response.body!.getReader()
      const decoder = new TextDecoder()

      await post('/v1/t', JSON.stringify({ type: 'track', messageId: 'm-9' }))

      let text = ''
      const deadline = Date.now() + 5000
      while (!text.includes('event: event\n') && Date.now() < deadline) {
        const { value, done } = await reader.read()
        if (done) break
        text += decoder.decode(value)
      }
      controller.abort()
      expect(text).to.include('event: events\ndata: []')
      expect(text).to.match(/event: event\ndata: \{.*"messageId":"m-9"/)
    })
  })

  describe('vendor calls', function () {
    it('stores a call per destination', async function () {
      const call = ['track', 'Purchase']

      await post(
        '/vendor-calls',
        JSON.stringify({ destination: 'Amplitude', call }),
      )

      const [stored] = demo.vendorCalls.list()
      expect(stored.destination).to.equal('Amplitude')
      expect(stored.call).to.deep.equal(call)
    })

    it('rejects a call without destination', async function () {
      const response = await post('/vendor-calls', JSON.stringify({ call: [] }))

      expect(response.status).to.equal(400)
    })
  })

  describe('shop page', function () {
    it('points the snippet at this server', async function () {
      const html = await (await fetch(demo.url)).text()

      expect(html).to.include(
        `t.src="${demo.origin}/analytics.js/v1/" + key + "/analytics.min.js"`,
      )
      expect(html).to.include(`analytics._cdn = "${demo.origin}"`)
      expect(html).to.include('analytics.load("demoWriteKey");')
    })

    it('answers 404 for unknown paths', async function () {
      const response = await fetch(`${demo.origin}/nope`)

      expect(response.status).to.equal(404)
    })
  })
})

describe('renderSnippet', function () {
  it('rejects a write key with markup', function () {
    const render = () =>
      renderSnippet({
        cdnOrigin: 'http://127.0.0.1:1',
        writeKey: '"></script>',
      })

    expect(render).to.throw(/Invalid write key/)
  })

  it('rejects an origin with a path', function () {
    const render = () =>
      renderSnippet({ cdnOrigin: 'http://127.0.0.1:1/x', writeKey: 'k' })

    expect(render).to.throw(/Invalid CDN origin/)
  })
})
