import { expect } from 'chai'
import sinon from 'sinon'
import { Analytics } from '../../src/analytics'
import { resetReportedCauses } from '../../src/debug'
import { installStandalone } from '../../src/standalone'
import { startCollector, type Collector } from '../helpers/collector'
import { disposeEndpoint } from './analytics/harness'

interface StubWindow {
  analytics?: unknown
}

function stub(calls: unknown[][], fields: Record<string, unknown>): unknown[] {
  return Object.assign([...calls], fields)
}

describe('script-tag entry', () => {
  let collector: Collector

  beforeEach(async () => {
    collector = await startCollector()
  })

  afterEach(async () => {
    sinon.restore()
    resetReportedCauses()
    const instance = (window as StubWindow).analytics
    if (instance instanceof Analytics) disposeEndpoint(instance)
    delete (window as StubWindow).analytics
    await collector.close()
  })

  function settings() {
    return {
      integrations: {
        'Segment.io': { apiHost: collector.apiHost, protocol: 'http' },
      },
    }
  }

  it('replays stub calls with their page context', async () => {
    const recorded = {
      __t: 'bpc',
      p: '/earlier',
      u: 'http://shop.example.test/earlier?x=1',
      s: '?x=1',
      t: 'Earlier',
      r: 'http://ref.example.test/',
    }
    ;(window as StubWindow).analytics = stub(
      [
        ['track', 'A', { a: 1 }, recorded],
        ['page', 'Home', recorded],
        ['identify', 'u1', { plan: 'pro' }],
      ],
      {
        _writeKey: 'snippet-key',
        _loadOptions: { cdnSettings: settings() },
        SNIPPET_VERSION: '5.2.1',
      },
    )

    installStandalone([])
    const received = await collector.waitFor(3)

    const instance = (window as StubWindow).analytics as Analytics
    expect(instance).to.be.instanceOf(Analytics)
    expect(instance.writeKey).to.equal('snippet-key')
    const [track, page, identify] = received.map((item) => item.body)
    expect(track!.event).to.equal('A')
    expect(track!.properties).to.deep.equal({ a: 1 })
    expect(
      (track!.context as Record<string, Record<string, unknown>>).page,
    ).to.deep.equal({
      path: '/earlier',
      referrer: 'http://ref.example.test/',
      search: '?x=1',
      title: 'Earlier',
      url: 'http://shop.example.test/earlier?x=1',
    })
    expect(page!.name).to.equal('Home')
    expect((page!.properties as Record<string, unknown>).url).to.equal(
      'http://shop.example.test/earlier?x=1',
    )
    expect(identify!.userId).to.equal('u1')
  })

  it('reads the write key from the script URL', () => {
    const script = document.createElement('script')
    script.src =
      'http://cdn.example.test/analytics.js/v1/url-key/analytics.min.js'
    document.head.appendChild(script)
    ;(window as StubWindow).analytics = stub([], {
      _loadOptions: { cdnSettings: settings() },
    })

    installStandalone([])

    expect(((window as StubWindow).analytics as Analytics).writeKey).to.equal(
      'url-key',
    )
  })

  it('takes the settings host from _cdn', () => {
    ;(window as StubWindow).analytics = stub([], {
      _writeKey: 'k',
      _cdn: 'http://127.0.0.1:9',
    })
    const fetches = sinon
      .stub(globalThis, 'fetch')
      .rejects(new Error('offline'))
    sinon.stub(console, 'error')

    installStandalone([])

    expect(String(fetches.firstCall.args[0])).to.equal(
      'http://127.0.0.1:9/v1/projects/k/settings',
    )
  })

  it('skips unknown stub methods', () => {
    const errors = sinon.stub(console, 'error')
    ;(window as StubWindow).analytics = stub([['noSuchMethod', 1]], {
      _writeKey: 'k',
      _loadOptions: { cdnSettings: settings() },
    })

    installStandalone([])

    expect(String(errors.firstCall.args[1])).to.match(
      /analytics\.noSuchMethod, which does not exist/,
    )
  })

  it('has every method old snippets stub', () => {
    const methods = [
      'trackSubmit',
      'trackClick',
      'trackLink',
      'trackForm',
      'pageview',
      'identify',
      'reset',
      'group',
      'track',
      'ready',
      'alias',
      'debug',
      'page',
      'screen',
      'once',
      'off',
      'on',
      'addSourceMiddleware',
      'addIntegrationMiddleware',
      'setAnonymousId',
      'addDestinationMiddleware',
      'register',
    ]
    const instance = new Analytics() as unknown as Record<string, unknown>

    const missing = methods.filter(
      (method) => typeof instance[method] !== 'function',
    )

    expect(missing).to.deep.equal([])
  })

  it('a second bundle leaves the first', () => {
    const errors = sinon.stub(console, 'error')
    const first = new Analytics()
    ;(window as StubWindow).analytics = first

    installStandalone([])

    expect((window as StubWindow).analytics).to.equal(first)
    expect(String(errors.firstCall.args[1])).to.match(/loaded twice/)
  })
})
