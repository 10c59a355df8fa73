import { expect } from 'chai'
import { Analytics } from '../../../src/analytics'
import { createLogger } from '../../../src/debug'
import {
  claimOwnKeptCalls,
  STALE_KEPT_MS,
  takeKeptCalls,
} from '../../../src/pipeline/kept-calls'
import { installStandalone } from '../../../src/standalone'
import { renderCallKeeper } from '../../../examples/lib/snippet.mjs'
import { startCollector } from '../../helpers/collector'
import { disposeEndpoint } from '../analytics/harness'

interface StubWindow {
  analytics?: unknown
}

const log = createLogger('test')
const PAGE = {
  __t: 'bpc',
  p: '/closed',
  u: 'http://shop.example.test/closed',
  s: '',
  t: 'Closed',
  r: '',
}

function storeRecord(key: string, record: unknown): void {
  localStorage.setItem(`clickstream:stub:${key}`, JSON.stringify(record))
}

function keptKeys(): string[] {
  return Object.keys(localStorage).filter((key) =>
    key.startsWith('clickstream:stub:'),
  )
}

/** A snippet stub as Segment's snippet builds it, enough for the keeper. */
type Stub = unknown[] & Record<string, unknown>

function installStub(writeKey: string): Stub {
  const stub = [] as unknown[] as Stub
  stub._writeKey = writeKey
  ;(window as StubWindow).analytics = stub
  return stub
}

function runKeeper(): void {
  // The keeper is the script a site pastes; happy-dom runs it as a page would.
  new Function(renderCallKeeper())()
}

describe('kept calls', () => {
  afterEach(() => {
    for (const key of keptKeys()) localStorage.removeItem(key)
    const instance = (window as StubWindow).analytics
    if (instance instanceof Analytics) disposeEndpoint(instance)
    delete (window as StubWindow).analytics
  })

  it('takes records of closed pages', () => {
    storeRecord('k:old', {
      at: Date.now() - STALE_KEPT_MS - 1,
      calls: [
        ['track', 'A', { a: 1 }, PAGE],
        ['on', 'x', null],
      ],
      times: [1_000, 2_000],
    })

    const calls = takeKeptCalls('k', log)

    expect(calls).to.deep.equal([
      { method: 'track', args: ['A', { a: 1 }], page: PAGE, timestamp: 1_000 },
    ])
    expect(keptKeys()).to.deep.equal([])
  })

  it('leaves a live page its record', () => {
    storeRecord('k:live', {
      at: Date.now(),
      calls: [['track', 'A']],
      times: [],
    })

    expect(takeKeptCalls('k', log)).to.deep.equal([])
    expect(keptKeys()).to.deep.equal(['clickstream:stub:k:live'])
  })

  it('takes a record closed on pagehide', () => {
    storeRecord('k:hidden', { at: 0, calls: [['page']], times: [5] })

    expect(takeKeptCalls('k', log)).to.have.length(1)
  })

  it('leaves other write keys alone', () => {
    storeRecord('other:old', { at: 0, calls: [['track', 'A']], times: [] })

    expect(takeKeptCalls('k', log)).to.deep.equal([])
    expect(keptKeys()).to.deep.equal(['clickstream:stub:other:old'])
  })

  it('removes unreadable records', () => {
    localStorage.setItem('clickstream:stub:k:bad', '{not json')
    storeRecord('k:shape', { at: 'yesterday', calls: 'none' })

    expect(takeKeptCalls('k', log)).to.deep.equal([])
    expect(keptKeys()).to.deep.equal([])
  })

  it('orders calls of several pages by time', () => {
    storeRecord('k:b', { at: 0, calls: [['track', 'Late']], times: [300] })
    storeRecord('k:a', {
      at: 0,
      calls: [
        ['track', 'Early'],
        ['track', 'Middle'],
      ],
      times: [100, 200],
    })

    const events = takeKeptCalls('k', log).map((call) => call.args[0])

    expect(events).to.deep.equal(['Early', 'Middle', 'Late'])
  })

  it('claims back its own record', () => {
    storeRecord('k:mine', { at: Date.now(), calls: [['track', 'A']] })

    const sent = claimOwnKeptCalls(
      { _keptKey: 'clickstream:stub:k:mine', _keptCount: 1 },
      log,
    )

    expect(sent).to.equal(0)
    expect(keptKeys()).to.deep.equal([])
  })

  it('skips calls another page sent', () => {
    const sent = claimOwnKeptCalls(
      { _keptKey: 'clickstream:stub:k:taken', _keptCount: 2 },
      log,
    )

    expect(sent).to.equal(2)
  })

  it('ignores a stub without keeper', () => {
    expect(claimOwnKeptCalls({}, log)).to.equal(0)
    expect(claimOwnKeptCalls({ _keptKey: 'session' }, log)).to.equal(0)
  })
})

describe('call keeper script', () => {
  afterEach(() => {
    for (const key of keptKeys()) localStorage.removeItem(key)
    const instance = (window as StubWindow).analytics
    if (instance instanceof Analytics) disposeEndpoint(instance)
    delete (window as StubWindow).analytics
  })

  it('stores each event call at once', () => {
    const stub = installStub('wk')
    stub.push(['page', PAGE])
    runKeeper()
    stub.push(['on', 'dropped', null])
    stub.push(['track', 'A', { a: 1 }, PAGE])

    const [key] = keptKeys()
    const record = JSON.parse(localStorage.getItem(key!)!)

    expect(key).to.match(/^clickstream:stub:wk:[a-z0-9]+$/)
    expect(stub._keptKey).to.equal(key)
    expect(stub._keptCount).to.equal(2)
    expect(record.calls).to.deep.equal([
      ['page', PAGE],
      ['track', 'A', { a: 1 }, PAGE],
    ])
    expect(record.times).to.have.length(2)
    expect(record.at).to.be.closeTo(Date.now(), 1_000)
  })

  it('drops calls another page took', () => {
    const stub = installStub('wk')
    runKeeper()
    stub.push(['track', 'Taken'])
    const [key] = keptKeys()
    localStorage.removeItem(key!)

    stub.push(['track', 'Later'])
    const record = JSON.parse(localStorage.getItem(key!)!)

    expect(record.calls).to.deep.equal([['track', 'Later']])
    expect(
      stub.filter((call) => (call as unknown[])[0] === 'track'),
    ).to.deep.equal([['track', 'Later']])
    expect(stub._keptCount).to.equal(1)
  })

  it('marks the record closed on pagehide', () => {
    const stub = installStub('wk')
    runKeeper()
    stub.push(['track', 'A'])

    window.dispatchEvent(new Event('pagehide'))
    const [key] = keptKeys()

    expect(JSON.parse(localStorage.getItem(key!)!).at).to.equal(0)
  })

  it('stops once the bundle replaced the stub', () => {
    const stub = installStub('wk')
    runKeeper()
    ;(window as StubWindow).analytics = {}

    stub.push(['track', 'After'])

    expect(keptKeys()).to.deep.equal([])
  })

  it('replays only calls nobody sent', async () => {
    const collector = await startCollector()
    const stub = installStub('keeper-key')
    stub._loadOptions = {
      cdnSettings: {
        integrations: {
          'Segment.io': { apiHost: collector.apiHost, protocol: 'http' },
        },
      },
    }
    runKeeper()
    stub.push(['track', 'Sent Elsewhere'])
    localStorage.removeItem(keptKeys()[0]!)
    stub.push(['track', 'Kept Here'])

    installStandalone([])
    const received = await collector.waitFor(1)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await collector.close()

    expect(received.map((item) => item.body.event)).to.deep.equal(['Kept Here'])
    expect(keptKeys()).to.deep.equal([])
  })
})

describe('call keeper in the README', () => {
  it('matches the rendered script', async () => {
    const { readFile } = await import('node:fs/promises')
    const prettier = await import('prettier')
    const readme = await readFile('README.md', 'utf8')
    const section = readme.split(
      '### Keep calls made before the bundle runs',
    )[1]
    const block = /```js\n([\s\S]*?)```/.exec(section ?? '')?.[1]

    const rendered = await prettier.format(renderCallKeeper(), {
      parser: 'babel',
      semi: false,
      singleQuote: true,
    })

    expect(block).to.equal(rendered)
  })
})
