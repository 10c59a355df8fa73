import { expect } from 'chai'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Analytics } from '../../../src/analytics'
import { createLogger } from '../../../src/debug'
import {
  createPendingJournal,
  STALE_JOURNAL_MS,
} from '../../../src/pipeline/pending-journal'
import {
  recordingIntegration,
  type RecordedCall,
} from '../../fixtures/recording-destination'
import { startCollector } from '../../helpers/collector'
import { disposeEndpoint } from './harness'

/** A settings server on 127.0.0.1 that never responds, like a stalled CDN. */
async function startHungServer(): Promise<{
  origin: string
  close(): Promise<void>
}> {
  const server: Server = createServer((request, response) => {
    response.setHeader('access-control-allow-origin', '*')
    if (request.method === 'OPTIONS') response.writeHead(204).end()
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

describe('calls waiting for settings', () => {
  it('reach the endpoint from the next page', async () => {
    const hung = await startHungServer()
    const collector = await startCollector()
    const first = new Analytics()
    first.load('journal-key', { cdnURL: hung.origin })
    first.track('Before Close', { n: 1 })
    first.identify('user-1')
    await new Promise((resolve) => setTimeout(resolve, 10))

    window.dispatchEvent(new Event('pagehide'))
    const calls: RecordedCall[] = []
    const second = new Analytics([recordingIntegration('Mixpanel', calls)])
    second.load('journal-key', {
      cdnSettings: {
        integrations: {
          'Segment.io': { apiHost: collector.apiHost, protocol: 'http' },
          Mixpanel: {},
        },
      },
    })
    const received = await collector.waitFor(2)
    await second.ready()
    disposeEndpoint(second)
    await collector.close()
    await hung.close()

    expect(
      received.map((item) => item.body.event ?? item.body.type),
    ).to.deep.equal(['Before Close', 'identify'])
    expect(
      (received[0]!.body._metadata as { bundled: string[] }).bundled,
    ).to.deep.equal([])
    expect(calls).to.have.length(0)
  })

  it('a live page keeps its own journal', () => {
    const log = createLogger('test')
    const live = createPendingJournal('k', 'live-page', log)
    const other = createPendingJournal('k', 'other-page', log)
    localStorage.setItem(
      'clickstream:pending:k:live-page',
      JSON.stringify({
        updatedAt: Date.now(),
        closed: false,
        messages: [{ messageId: 'm1' }],
      }),
    )

    const adopted = other.adoptOrphans()
    adopted.remove()

    expect(adopted.records).to.deep.equal([])
    expect(
      localStorage.getItem('clickstream:pending:k:live-page'),
    ).to.not.equal(null)
    live.dispose()
    other.dispose()
  })

  it('a longer write key keeps its journal', () => {
    const log = createLogger('test')
    const page = createPendingJournal('k', 'this-page', log)
    localStorage.setItem(
      'clickstream:pending:k:eu:gone-page',
      JSON.stringify({
        updatedAt: 0,
        closed: true,
        messages: [{ messageId: 'm3' }],
      }),
    )

    const adopted = page.adoptOrphans()
    adopted.remove()

    expect(adopted.records).to.deep.equal([])
    expect(
      localStorage.getItem('clickstream:pending:k:eu:gone-page'),
    ).to.not.equal(null)
    localStorage.removeItem('clickstream:pending:k:eu:gone-page')
    page.dispose()
  })

  it('a silent page loses its journal', () => {
    const log = createLogger('test')
    const other = createPendingJournal('k', 'other-page', log)
    localStorage.setItem(
      'clickstream:pending:k:gone-page',
      JSON.stringify({
        updatedAt: Date.now() - STALE_JOURNAL_MS - 1,
        closed: false,
        messages: [{ messageId: 'm2' }],
      }),
    )

    const adopted = other.adoptOrphans()
    const storedBeforeRemove = localStorage.getItem(
      'clickstream:pending:k:gone-page',
    )
    adopted.remove()

    expect(adopted.records).to.deep.equal([{ messageId: 'm2' }])
    expect(storedBeforeRemove).to.not.equal(null)
    expect(localStorage.getItem('clickstream:pending:k:gone-page')).to.equal(
      null,
    )
    other.dispose()
  })
})
