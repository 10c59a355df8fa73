import { expect } from 'chai'
import sinon from 'sinon'
import { Analytics } from '../../../src/analytics'
import { resetReportedCauses } from '../../../src/debug'
import type { DropNotice } from '../../../src/events'
import { installStandalone } from '../../../src/standalone'
import { startCollector } from '../../helpers/collector'
import { closeHarnesses, disposeEndpoint, loadHarness, tick } from './harness'

afterEach(async () => {
  sinon.restore()
  resetReportedCauses()
  await closeHarnesses()
})

function ownErrors(stub: sinon.SinonStub): string[] {
  return stub
    .getCalls()
    .filter((call) => String(call.args[0]).startsWith('[clickstream'))
    .map((call) => String(call.args[1]))
}

describe('hostile call options', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'integrations as a string',
      { integrations: 'x' },
      /options\.integrations "x"/,
    ],
    ['context as a string', { context: 'abc' }, /options\.context "abc"/],
    ['traits as a number', { traits: 5 }, /options\.traits 5 \(a number\)/],
    [
      'anonymousId as an object',
      { anonymousId: { x: 1 } },
      /options\.anonymousId an object/,
    ],
    [
      'an invalid timestamp',
      { timestamp: 'yesterday' },
      /options\.timestamp "yesterday"/,
    ],
  ]
  for (const [name, options, message] of cases) {
    it(`drops a call with ${name}`, async () => {
      const errors = sinon.stub(console, 'error')
      const { analytics, collector } = await loadHarness()
      const drops: DropNotice[] = []
      analytics.on('dropped', (notice) => drops.push(notice))

      analytics.track('Bad', {}, options)
      analytics.track('Good')
      await collector.waitFor(1)
      await analytics.flush()

      expect(ownErrors(errors)[0]).to.match(message)
      expect(drops.map((drop) => drop.reason)).to.deep.equal([
        'invalid_argument',
      ])
      expect(collector.messages.map((item) => item.body.event)).to.deep.equal([
        'Good',
      ])
    })
  }

  it('stringifies a numeric userId option', async () => {
    const { analytics, collector } = await loadHarness()

    analytics.track('X', {}, { userId: 5 })
    const [received] = await collector.waitFor(1)

    expect(received!.body.userId).to.equal('5')
  })
})

describe('hostile middleware', () => {
  it('a bad integrations value drops only that event', async () => {
    sinon.stub(console, 'error')
    const { analytics, collector } = await loadHarness({}, {}, (instance) => {
      instance.addSourceMiddleware(({ payload, next }) => {
        if (payload.obj.event === 'Bad') {
          ;(payload.obj as unknown as Record<string, unknown>).integrations =
            'x'
        }
        next(payload)
      })
    })
    const drops: DropNotice[] = []
    analytics.on('dropped', (notice) => drops.push(notice))

    analytics.track('Bad')
    analytics.track('Good')
    await collector.waitFor(1)
    await analytics.flush()

    expect(collector.messages.map((item) => item.body.event)).to.deep.equal([
      'Good',
    ])
    expect(drops[0]!.reason).to.equal('middleware')
    expect(drops[0]!.detail).to.match(
      /integrations to something other than an object/,
    )
  })

  it('a throwing middleware reports its error', async () => {
    const errors = sinon.stub(console, 'error')
    const { analytics, collector } = await loadHarness({}, {}, (instance) => {
      instance.addSourceMiddleware(({ payload, next }) => {
        if (payload.obj.event === 'Bad') throw new Error('boom')
        next(payload)
      })
    })

    analytics.track('Bad')
    analytics.track('Good')
    await collector.waitFor(1)

    expect(ownErrors(errors)[0]).to.match(/source middleware #1 threw: boom/)
  })

  it('a middleware that never calls next times out', async () => {
    sinon.stub(console, 'error')
    const clock = sinon.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout'],
    })
    const { analytics, collector } = await loadHarness({}, {}, (instance) => {
      instance.addSourceMiddleware(({ payload, next }) => {
        if (payload.obj.event !== 'Hung') next(payload)
      })
    })
    const drops: DropNotice[] = []
    analytics.on('dropped', (notice) => drops.push(notice))
    // The destinations load in tasks of their own, which fake timers do not
    // run, before the middleware timer starts.
    await analytics.ready()

    analytics.track('Hung')
    analytics.track('After')
    await clock.tickAsync(10_001)
    clock.restore()
    await collector.waitFor(1)

    expect(collector.messages.map((item) => item.body.event)).to.deep.equal([
      'After',
    ])
    expect(drops[0]!.detail).to.match(
      /did not finish \(call next\) within 10000 ms/,
    )
  })
})

describe('hostile load options', () => {
  it('reports each invalid option', () => {
    const errors = sinon.stub(console, 'error')
    const analytics = new Analytics()

    analytics.load('k', {
      readyTimeout: 'soon',
      plan: 5,
      integrations: 'x',
      cdnSettings: { integrations: {} },
    } as never)

    const messages = ownErrors(errors)
    expect(messages).to.have.length(3)
    expect(messages[0]).to.match(/option "integrations" must be an object/)
    expect(messages[1]).to.match(
      /option "readyTimeout" must be a number of milliseconds, received "soon"/,
    )
    expect(messages[2]).to.match(
      /option "plan" must be a tracking plan object, received 5/,
    )
  })

  it('Segment.io false turns the endpoint off', async () => {
    const { analytics, collector, callsTo } = await loadHarness(
      {},
      { integrations: { 'Segment.io': false } },
    )

    analytics.track('X')
    await analytics.ready()
    await analytics.flush()
    await tick(50)

    expect(collector.messages).to.have.length(0)
    expect(callsTo('Mixpanel')).to.have.length(1)
  })

  it('a disable function decides before storage', async () => {
    const { analytics, collector } = await loadHarness(
      {},
      { disable: () => true },
    )

    analytics.track('X')
    await tick(50)

    expect(collector.messages).to.have.length(0)
    expect(localStorage.length).to.equal(0)
    expect(document.cookie).to.equal('')
  })

  it('a disable function that throws keeps analytics off', async () => {
    const errors = sinon.stub(console, 'error')
    const { analytics, collector } = await loadHarness(
      {},
      {
        disable: () => {
          throw new Error('consent check failed')
        },
      },
    )

    analytics.track('X')
    await tick(50)

    expect(collector.messages).to.have.length(0)
    expect(ownErrors(errors)[0]).to.match(
      /disable function .* threw, so analytics stays off on this page: consent check failed/,
    )
  })

  it('a disable function answering false sends calls made meanwhile', async () => {
    const { analytics, collector } = await loadHarness(
      {},
      { disable: () => Promise.resolve(false) },
    )

    analytics.track('Waited')
    const [received] = await collector.waitFor(1)

    expect(received!.body.event).to.equal('Waited')
  })
})

describe('hostile snippet queue', () => {
  it('a bad queued call leaves the rest', async () => {
    sinon.stub(console, 'error')
    const collector = await startCollector()
    const settings = {
      integrations: {
        'Segment.io': { apiHost: collector.apiHost, protocol: 'http' },
      },
    }
    ;(window as unknown as { analytics: unknown }).analytics = Object.assign(
      [
        ['track', 'Bad', {}, { integrations: 'x' }],
        ['track', 'Good'],
        ['identify', 'u1'],
      ],
      { _writeKey: 'stub-key', _loadOptions: { cdnSettings: settings } },
    )

    installStandalone([])
    const instance = (window as unknown as { analytics: Analytics }).analytics
    await instance.ready()
    const received = await collector.waitFor(2)
    disposeEndpoint(instance)
    await collector.close()
    delete (window as unknown as { analytics?: unknown }).analytics

    expect(received.map((item) => item.body.type)).to.deep.equal([
      'track',
      'identify',
    ])
  })
})

describe('identity under hostile calls', () => {
  it('alias leaves the stored ids alone', async () => {
    const { analytics, collector } = await loadHarness()
    analytics.identify('a')
    const anonymousId = analytics.user().anonymousId()

    analytics.alias('b')
    analytics.track('After')
    const received = await collector.waitFor(3)

    const after = received[2]!.body
    expect(analytics.user().id()).to.equal('a')
    expect(after.anonymousId).to.equal(anonymousId)
    expect(after.userId).to.equal('a')
    expect(received[1]!.body.userId).to.equal('b')
    expect(received[1]!.body.previousId).to.equal('a')
  })

  it('setAnonymousId rejects an object', async () => {
    const errors = sinon.stub(console, 'error')
    const { analytics } = await loadHarness()
    const before = analytics.user().anonymousId()

    const returned = analytics.setAnonymousId({} as never)

    expect(returned).to.equal(before)
    expect(ownErrors(errors)[0]).to.match(
      /setAnonymousId: invalid id an object/,
    )
  })
})

describe('hostile payloads', () => {
  it('keeps a __proto__ key as data', async () => {
    const { analytics, collector } = await loadHarness()
    const properties = JSON.parse(
      '{"__proto__": {"polluted": true}, "a": 1}',
    ) as Record<string, unknown>

    analytics.track('Proto', properties)
    const [received] = await collector.waitFor(1)

    expect(received!.body.properties).to.deep.equal(
      JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'),
    )
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined)
  })

  it('names the property behind a throwing getter', async () => {
    const errors = sinon.stub(console, 'error')
    const { analytics } = await loadHarness()
    const properties = {
      get price(): number {
        throw new Error('boom')
      },
    }

    analytics.track('Getter', properties)

    expect(ownErrors(errors)[0]).to.match(
      /properties\.price could not be read \(boom\)\. Pass plain data/,
    )
  })

  it('a failed destination reports each call it misses', async () => {
    const { analytics } = await loadHarness({
      Mixpanel: { failWith: 'blocked' },
    })
    const drops: DropNotice[] = []
    analytics.on('dropped', (notice) => drops.push(notice))
    await analytics.ready()

    analytics.track('One')
    analytics.track('Two')
    await analytics.flush()
    await tick(10)

    const missed = drops.filter((drop) => drop.destination === 'Mixpanel')
    expect(missed.map((drop) => drop.reason)).to.deep.equal([
      'destination_failed',
      'destination_failed',
    ])
    expect(missed.map((drop) => drop.event?.event)).to.deep.equal([
      'One',
      'Two',
    ])
  })
})

describe('emitter', () => {
  it('off removes a once listener', async () => {
    const { analytics } = await loadHarness()
    const listener = sinon.spy()

    analytics.once('track', listener)
    analytics.off('track', listener)
    analytics.track('X')

    expect(listener.callCount).to.equal(0)
  })
})
