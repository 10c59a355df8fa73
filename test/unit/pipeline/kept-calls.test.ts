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
import {
  closeHarnesses,
  disposeEndpoint,
  loadHarness,
} from '../analytics/harness'

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
      ids: ['id-a', 'id-on'],
    })

    const { records: calls, remove } = takeKeptCalls('k', log)
    const keysBeforeRemove = keptKeys()
    remove()

    expect(calls).to.deep.equal([
      {
        method: 'track',
        args: ['A', { a: 1 }],
        page: PAGE,
        timestamp: 1_000,
        messageId: 'id-a',
      },
    ])
    expect(keysBeforeRemove).to.deep.equal(['clickstream:stub:k:old'])
    expect(keptKeys()).to.deep.equal([])
  })

  it('leaves a record its page wrote again', () => {
    storeRecord('k:slow', { at: 0, calls: [['track', 'A']], times: [5] })
    const { remove } = takeKeptCalls('k', log)
    storeRecord('k:slow', {
      at: Date.now(),
      calls: [
        ['track', 'A'],
        ['track', 'B'],
      ],
      times: [5, 6],
    })

    remove()

    expect(keptKeys()).to.deep.equal(['clickstream:stub:k:slow'])
  })

  it('leaves a live page its record', () => {
    storeRecord('k:live', {
      at: Date.now(),
      calls: [['track', 'A']],
      times: [],
    })

    expect(takeKeptCalls('k', log).records).to.deep.equal([])
    expect(keptKeys()).to.deep.equal(['clickstream:stub:k:live'])
  })

  it('takes a record closed on pagehide', () => {
    storeRecord('k:hidden', { at: 0, calls: [['page']], times: [5] })

    expect(takeKeptCalls('k', log).records).to.have.length(1)
  })

  it('takes records without a write key', () => {
    storeRecord(':old', { at: 0, calls: [['track', 'A']], times: [5] })
    const { records, remove } = takeKeptCalls('k', log)
    remove()

    expect(records).to.have.length(1)
    expect(keptKeys()).to.deep.equal([])
  })

  it('leaves other write keys alone', () => {
    storeRecord('other:old', { at: 0, calls: [['track', 'A']], times: [] })

    expect(takeKeptCalls('k', log).records).to.deep.equal([])
    expect(keptKeys()).to.deep.equal(['clickstream:stub:other:old'])
  })

  it('leaves a longer write key alone', () => {
    storeRecord('k:eu:old', { at: 0, calls: [['track', 'A']], times: [] })

    expect(takeKeptCalls('k', log).records).to.deep.equal([])
  })

  it('removes unreadable records', () => {
    localStorage.setItem('clickstream:stub:k:bad', '{not json')
    storeRecord('k:shape', { at: 'yesterday', calls: 'none' })

    expect(takeKeptCalls('k', log).records).to.deep.equal([])
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

    const events = takeKeptCalls('k', log).records.map((call) => call.args[0])

    expect(events).to.deep.equal(['Early', 'Middle', 'Late'])
  })

  it('claims back its own record', () => {
    storeRecord('k:mine', { at: 0, calls: [['track', 'A']] })

    const own = claimOwnKeptCalls(
      {
        _keptKey: 'clickstream:stub:k:mine',
        _keptIds: ['id-1'],
        _keptTimes: [7],
      },
      log,
    )
    const takenByPage = takeKeptCalls('k', log).records
    const keysBeforeRemove = keptKeys()
    own.remove()

    expect(own.ids).to.deep.equal(['id-1'])
    expect(own.times).to.deep.equal([7])
    expect(takenByPage).to.deep.equal([])
    expect(keysBeforeRemove).to.deep.equal(['clickstream:stub:k:mine'])
    expect(keptKeys()).to.deep.equal([])
  })

  it('ignores a stub without keeper', () => {
    storeRecord('k:other', { at: Date.now(), calls: [['track', 'A']] })

    const none = claimOwnKeptCalls({}, log)
    const invalid = claimOwnKeptCalls(
      { _keptKey: 'session', _keptIds: 'x' },
      log,
    )
    none.remove()
    invalid.remove()

    expect([none.ids, none.times]).to.deep.equal([[], []])
    expect([invalid.ids, invalid.times]).to.deep.equal([[], []])
    expect(keptKeys()).to.deep.equal(['clickstream:stub:k:other'])
  })
})

describe('call keeper script', () => {
  afterEach(async () => {
    for (const key of keptKeys()) localStorage.removeItem(key)
    const instance = (window as StubWindow).analytics
    if (instance instanceof Analytics) disposeEndpoint(instance)
    delete (window as StubWindow).analytics
    await closeHarnesses()
  })

  function readOnlyRecord(): {
    start: number
    at: number
    calls: unknown[]
    times: number[]
    ids: string[]
  } {
    const [key] = keptKeys()
    return JSON.parse(localStorage.getItem(key!)!)
  }

  it('stores calls when the task ends', async () => {
    const stub = installStub('wk')
    stub.push(['page', PAGE])
    runKeeper()
    stub.push(['on', 'dropped', null])
    stub.push(['track', 'A', { a: 1 }, PAGE])
    await Promise.resolve()

    const [key] = keptKeys()
    const record = readOnlyRecord()

    expect(key).to.match(/^clickstream:stub:wk:[a-z0-9]+$/)
    expect(stub._keptKey).to.equal(key)
    expect(record.calls).to.deep.equal([
      ['page', PAGE],
      ['track', 'A', { a: 1 }, PAGE],
    ])
    expect(record.times).to.have.length(2)
    expect(record.at).to.be.closeTo(Date.now(), 1_000)
    expect(record.ids).to.deep.equal(stub._keptIds)
  })

  it('gives each call a uuid', async () => {
    const stub = installStub('wk')
    runKeeper()
    stub.push(['track', 'A'])
    stub.push(['track', 'B'])
    await Promise.resolve()

    const { ids } = readOnlyRecord()

    expect(ids).to.have.length(2)
    expect(ids[0]).to.match(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(ids[0]).to.not.equal(ids[1])
  })

  it('skips a call JSON cannot hold', async () => {
    const stub = installStub('wk')
    runKeeper()
    const circular: Record<string, unknown> = {}
    circular.self = circular
    stub.push(['track', 'Bad', circular])
    stub.push(['track', 'Good'])
    await Promise.resolve()

    const record = readOnlyRecord()

    expect(record.calls).to.deep.equal([['track', 'Good']])
    expect(record.ids).to.deep.equal([(stub._keptIds as string[])[1]])
  })

  it('stores under an empty write key', async () => {
    const stub = installStub('')
    delete stub._writeKey
    runKeeper()
    stub.push(['track', 'A'])
    await Promise.resolve()

    expect(keptKeys()[0]).to.match(/^clickstream:stub::[a-z0-9]+$/)
  })

  it('keeps at most 500 calls', async () => {
    const stub = installStub('wk')
    runKeeper()
    for (let index = 0; index < 600; index++) stub.push(['track', `E${index}`])
    await Promise.resolve()

    expect(readOnlyRecord().calls).to.have.length(500)
  })

  it('removes stale and surplus records', () => {
    const now = Date.now()
    storeRecord('wk:old', { start: now - 2 * 86_400_000, at: 0, calls: [] })
    for (let index = 0; index < 12; index++) {
      storeRecord(`wk:p${index}`, { start: now - index, at: 0, calls: [] })
    }
    installStub('wk')

    runKeeper()

    expect(keptKeys().sort()).to.deep.equal(
      Array.from(
        { length: 10 },
        (_, index) => `clickstream:stub:wk:p${index}`,
      ).sort(),
    )
  })

  it('keeps calls another page took', async () => {
    const stub = installStub('wk')
    runKeeper()
    stub.push(['track', 'Taken'])
    await Promise.resolve()
    const [key] = keptKeys()
    const firstId = (stub._keptIds as string[])[0]
    localStorage.removeItem(key!)

    stub.push(['track', 'Later'])
    await Promise.resolve()
    const record = readOnlyRecord()

    expect(record.calls).to.deep.equal([
      ['track', 'Taken'],
      ['track', 'Later'],
    ])
    expect(record.ids[0]).to.equal(firstId)
  })

  it('marks the record closed on pagehide', () => {
    const stub = installStub('wk')
    runKeeper()
    stub.push(['track', 'A'])

    window.dispatchEvent(new Event('pagehide'))

    expect(readOnlyRecord().at).to.equal(0)
  })

  it('stops once the bundle replaced the stub', async () => {
    const stub = installStub('wk')
    runKeeper()
    ;(window as StubWindow).analytics = {}

    stub.push(['track', 'After'])
    await Promise.resolve()

    expect(keptKeys()).to.deep.equal([])
  })

  it('replays with the keeper ids and times', async () => {
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
    stub.push(['track', 'First'])
    stub.push(['track', 'Second'])
    const ids = stub._keptIds as string[]
    const times = stub._keptTimes as number[]

    installStandalone([])
    const received = await collector.waitFor(2)
    await collector.close()

    expect(received.map((item) => item.body.messageId)).to.deep.equal(ids)
    expect(
      received.map((item) => Date.parse(String(item.body.timestamp))),
    ).to.deep.equal(times)
    expect(keptKeys()).to.deep.equal([])
  })

  it('leaves the live identity alone', async () => {
    storeRecord('test-write-key:closed', {
      at: 0,
      calls: [
        ['identify', 'alice', { plan: 'old' }],
        ['track', 'Old Page Event'],
      ],
      times: [100, 200],
      ids: ['id-identify', 'id-track'],
    })
    const { analytics, collector } = await loadHarness()
    analytics.identify('bob')

    analytics.track('Now')
    const received = await collector.waitFor(4)
    const byEvent = (name: string) =>
      received.find((item) => item.body.event === name)?.body

    expect(byEvent('Old Page Event')?.userId).to.equal('alice')
    expect(byEvent('Old Page Event')?.messageId).to.equal('id-track')
    expect(byEvent('Now')?.userId).to.equal('bob')
    expect(analytics.user().id()).to.equal('bob')
  })
})

describe('call keeper in the README', () => {
  it('matches the rendered script', async () => {
    const { readFile } = await import('node:fs/promises')
    const prettier = await import('prettier')
    const readme = await readFile('README.md', 'utf8')
    const sections = readme.split('### Keep calls made before the bundle runs')
    const section = sections[1]
    const block = /```js\n([\s\S]*?)```/.exec(section ?? '')?.[1]

    const rendered = await prettier.format(renderCallKeeper(), {
      parser: 'babel',
      semi: false,
      singleQuote: true,
    })

    expect(sections, 'the README has one keeper section').to.have.length(2)
    expect(block).to.equal(rendered)
  })
})
