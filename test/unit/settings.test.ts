import { expect } from 'chai'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import sinon from 'sinon'
import { Analytics } from '../../src/analytics'
import { createLogger, resetReportedCauses } from '../../src/debug'
import { fetchSettings, settingsUrl } from '../../src/settings/fetch'
import { startCollector } from '../helpers/collector'
import { disposeEndpoint } from './analytics/harness'
import { readStored } from './clickstream/helpers'

/** Serves settings on 127.0.0.1 in the mode named by the path's first segment. */
async function startSettingsServer(): Promise<{
  origin: string
  close: () => Promise<void>
}> {
  const server: Server = createServer((request, response) => {
    response.setHeader('access-control-allow-origin', '*')
    // happy-dom sends a CORS preflight even for simple GETs.
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end()
      return
    }
    const mode = (request.url ?? '').split('/')[1]
    if (mode === 'error') {
      response.writeHead(500).end('boom')
    } else if (mode === 'malformed') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"integrations":')
    } else if (mode === 'shape') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"plan":{}}')
    } else if (mode === 'slow') {
      setTimeout(() => response.writeHead(200).end('{"integrations":{}}'), 1000)
    } else {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          integrations: { 'Segment.io': { apiKey: 'k' } },
          requested: request.url,
        }),
      )
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Messages our logger printed; happy-dom also logs failed responses itself. */
function ownErrors(stub: sinon.SinonStub): string[] {
  return stub
    .getCalls()
    .filter((call) => String(call.args[0]).startsWith('[clickstream'))
    .map((call) => String(call.args[1]))
}

describe('settings', () => {
  let server: Awaited<ReturnType<typeof startSettingsServer>>
  const log = createLogger('test')

  beforeEach(async () => {
    server = await startSettingsServer()
  })

  afterEach(async () => {
    sinon.restore()
    resetReportedCauses()
    await server.close()
  })

  it('settingsUrl encodes the write key', () => {
    expect(settingsUrl('https://cdn.example.test/', 'a/b c')).to.equal(
      'https://cdn.example.test/v1/projects/a%2Fb%20c/settings',
    )
  })

  it('fetches from the project path', async () => {
    const settings = await fetchSettings(
      settingsUrl(`${server.origin}/ok`, 'wk1'),
      log,
    )

    expect(settings?.integrations).to.deep.equal({
      'Segment.io': { apiKey: 'k' },
    })
    expect(settings?.requested).to.equal('/ok/v1/projects/wk1/settings')
  })

  const failures: Array<[string, string, RegExp]> = [
    ['an HTTP error', 'error', /HTTP 500/],
    ['malformed JSON', 'malformed', /not JSON/],
    ['a body without integrations', 'shape', /no "integrations" object/],
  ]
  for (const [name, mode, cause] of failures) {
    it(`reports ${name} once`, async () => {
      const errors = sinon.stub(console, 'error')
      const url = settingsUrl(`${server.origin}/${mode}`, 'wk')

      const first = await fetchSettings(url, log)
      await fetchSettings(url, log)
      const ours = ownErrors(errors)

      expect(first).to.equal(undefined)
      expect(ours).to.have.length(1)
      expect(ours[0]).to.match(cause)
      expect(ours[0]).to.include(server.origin)
    })
  }

  it('times out a slow server', async () => {
    const errors = sinon.stub(console, 'error')

    const settings = await fetchSettings(
      settingsUrl(`${server.origin}/slow`, 'wk'),
      log,
      100,
    )

    expect(settings).to.equal(undefined)
    expect(ownErrors(errors)[0]).to.match(/no response within 100 ms/)
  })

  it('load fetches from cdnURL', async () => {
    const analytics = new Analytics()
    const initialized = new Promise((resolve) =>
      analytics.on('initialize', resolve),
    )

    analytics.load('wk2', { cdnURL: `${server.origin}/ok` })
    const settings = (await initialized) as { requested: string }

    expect(settings.requested).to.equal('/ok/v1/projects/wk2/settings')
  })

  it('keeps events when settings fail', async () => {
    sinon.stub(console, 'error')
    const analytics = new Analytics()
    const collector = await startCollector()
    const drops: unknown[] = []
    analytics.on('dropped', (notice) => drops.push(notice))

    analytics.load('wk3', { cdnURL: `${server.origin}/error` })
    analytics.track('Kept')
    await analytics.ready()
    await analytics.flush()
    disposeEndpoint(analytics)
    await collector.close()

    const stored = readStored('wk3').map((record) => record.event.event)
    expect(stored).to.deep.equal(['Kept'])
    expect(drops).to.deep.equal([])
  })
})
