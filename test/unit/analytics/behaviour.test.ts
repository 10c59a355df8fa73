import { expect } from 'chai'
import sinon from 'sinon'
import { resetReportedCauses, setDebugEnabled } from '../../../src/debug'
import { defineIntegration } from '../../../src/integration/define'
import type { Plugin } from '../../../src/integration/types'
import type { DropNotice } from '../../../src/events'
import { closeHarnesses, loadHarness, tick } from './harness'

afterEach(async () => {
  sinon.restore()
  resetReportedCauses()
  setDebugEnabled(false)
  await closeHarnesses()
})

describe('invalid input', () => {
  it('drops the call and reports once', async () => {
    const { analytics, collector } = await loadHarness()
    const errors = sinon.stub(console, 'error')
    const drops: DropNotice[] = []
    analytics.on('dropped', (notice) => drops.push(notice))

    const returned = analytics.track('')
    analytics.track('')
    analytics.track('Valid')
    await collector.waitFor(1)

    expect(returned).to.equal(analytics)
    expect(errors.callCount).to.equal(1)
    expect(String(errors.firstCall.args[1])).to.match(
      /analytics\.track: invalid event name ""/,
    )
    expect(drops.map((drop) => drop.reason)).to.deep.equal([
      'invalid_argument',
      'invalid_argument',
    ])
    expect(collector.messages.map((item) => item.body.event)).to.deep.equal([
      'Valid',
    ])
  })

  it('rejects a circular object', async () => {
    const { analytics } = await loadHarness()
    const errors = sinon.stub(console, 'error')
    const circular: Record<string, unknown> = { a: 1 }
    circular.self = circular

    analytics.track('Loop', circular)

    expect(errors.callCount).to.equal(1)
    expect(String(errors.firstCall.args[1])).to.match(
      /options|properties\.self|circular/,
    )
  })

  it('rejects a BigInt', async () => {
    const { analytics } = await loadHarness()
    const errors = sinon.stub(console, 'error')
    const drops: DropNotice[] = []
    analytics.on('dropped', (notice) => drops.push(notice))

    analytics.identify('u1', { big: BigInt(10) })

    expect(errors.callCount).to.equal(1)
    expect(String(errors.firstCall.args[1])).to.match(/BigInt \(10n\)/)
    expect(drops).to.have.length(1)
  })
})

describe('destinations', () => {
  it('a failing destination leaves the others working', async () => {
    const { analytics, collector, callsTo } = await loadHarness({
      Mixpanel: { failWith: 'blocked' },
    })
    const ready = sinon.spy()

    analytics.ready(ready)
    await analytics.ready()
    analytics.track('Signed Up')
    await collector.waitFor(1)
    await tick(10)

    expect(ready.callCount).to.equal(1)
    expect(analytics.destinationStatus().Mixpanel).to.equal('failed')
    expect(callsTo('Amplitude')).to.have.length(1)
    expect(callsTo('Mixpanel')).to.have.length(0)
  })

  it('ready settles on timeout', async () => {
    const { analytics, callsTo } = await loadHarness(
      { Mixpanel: { loadDelay: 400 } },
      { readyTimeout: 100 },
    )
    const statuses: string[] = []
    analytics.on('destination_status', (name, status) =>
      statuses.push(`${name}:${status}`),
    )

    analytics.track('Early')
    await analytics.ready()

    expect(analytics.destinationStatus().Mixpanel).to.equal('timed-out')
    expect(callsTo('Mixpanel')).to.have.length(0)
    await tick(400)
    expect(callsTo('Mixpanel')).to.have.length(1)
    expect(statuses).to.include('Mixpanel:ready')
  })

  it('an invalid option marks the destination failed', async () => {
    const errors = sinon.stub(console, 'error')
    const { analytics } = await loadHarness({ Mixpanel: { loadDelay: 'soon' } })

    await analytics.ready()

    expect(analytics.destinationStatus().Mixpanel).to.equal('failed')
    expect(String(errors.firstCall.args[1])).to.match(
      /Mixpanel: option "loadDelay" must be a number, received "soon"/,
    )
  })

  it('load options turn a destination off', async () => {
    const { analytics, callsTo } = await loadHarness(
      {},
      { integrations: { Amplitude: false } },
    )

    await analytics.ready()
    analytics.track('X')
    await analytics.flush()
    await tick(10)

    expect(analytics.destinationStatus()).to.not.have.property('Amplitude')
    expect(callsTo('Amplitude')).to.have.length(0)
    expect(callsTo('Mixpanel')).to.have.length(1)
  })

  it('_metadata names bundled and unbundled destinations', async () => {
    const { analytics, collector } = await loadHarness({
      Intercom: { appId: 'x' },
    })

    analytics.track('X', {}, { integrations: { Amplitude: false } })
    const [received] = await collector.waitFor(1)

    expect(received!.body._metadata).to.deep.equal({
      bundled: ['Mixpanel', 'Google Analytics 4'],
      unbundled: ['Intercom'],
      bundledIds: [],
    })
  })
})

describe('destination context', () => {
  it('reads the stored user', async () => {
    const seen: Array<string | null | undefined> = []
    const probe = defineIntegration({
      name: 'User Probe',
      options: {},
      load: () => undefined,
      track: (_facade, call) => {
        seen.push(call.user()?.id())
      },
    })
    const { analytics } = await loadHarness()
    await analytics.register(probe({}))

    analytics.identify('user-5')
    analytics.track('X')
    await analytics.flush()
    await tick(10)

    expect(seen).to.deep.equal(['user-5'])
  })
})

describe('middleware', () => {
  it('source middleware changes a copy', async () => {
    const { analytics, collector, callsTo } = await loadHarness(
      {},
      {},
      (instance) => {
        instance.addSourceMiddleware(({ payload, next }) => {
          payload.obj.properties = { ...payload.obj.properties, added: true }
          next(payload)
        })
      },
    )
    const properties = { original: true }

    analytics.track('X', properties)
    const [received] = await collector.waitFor(1)
    await tick(10)

    expect(received!.body.properties).to.deep.equal({
      original: true,
      added: true,
    })
    expect(properties).to.deep.equal({ original: true })
    expect(callsTo('Mixpanel')[0]!.message.properties).to.deep.equal({
      original: true,
      added: true,
    })
  })

  it('source middleware can drop', async () => {
    const { analytics, collector } = await loadHarness({}, {}, (instance) => {
      instance.addSourceMiddleware(({ payload, next }) =>
        next(payload.obj.event === 'Drop' ? null : payload),
      )
    })
    const drops: DropNotice[] = []
    analytics.on('dropped', (notice) => drops.push(notice))

    analytics.track('Drop')
    analytics.track('Keep')
    await collector.waitFor(1)
    await analytics.flush()

    expect(collector.messages.map((item) => item.body.event)).to.deep.equal([
      'Keep',
    ])
    expect(drops.map((drop) => drop.reason)).to.deep.equal(['middleware'])
  })

  it('destination middleware applies to its destination', async () => {
    const { analytics, collector, callsTo } = await loadHarness(
      {},
      {},
      (instance) => {
        instance.addDestinationMiddleware('Mixpanel', ({ payload, next }) => {
          payload.obj.event = 'Renamed'
          next(payload)
        })
      },
    )

    analytics.track('Original')
    const [received] = await collector.waitFor(1)
    await analytics.ready()
    await tick(10)

    expect(callsTo('Mixpanel')[0]!.message.event).to.equal('Renamed')
    expect(callsTo('Amplitude')[0]!.message.event).to.equal('Original')
    expect(received!.body.event).to.equal('Original')
  })
})

describe('plugins', () => {
  it('register routes a destination plugin by name', async () => {
    const { analytics } = await loadHarness()
    const received: string[] = []
    const plugin: Plugin = {
      name: 'Custom Tool',
      type: 'destination',
      version: '1.0.0',
      isLoaded: () => true,
      load: () => Promise.resolve(),
      track: (ctx) => {
        received.push(ctx.event.event!)
        return ctx
      },
    }

    await analytics.register(plugin)
    analytics.track('One')
    analytics.track('Two', {}, { integrations: { 'Custom Tool': false } })
    await analytics.flush()
    await tick(10)

    expect(received).to.deep.equal(['One'])
  })

  it('an enrichment plugin edits the event', async () => {
    const { analytics, collector } = await loadHarness()

    await analytics.register({
      name: 'Enricher',
      type: 'enrichment',
      isLoaded: () => true,
      load: () => undefined,
      track: (ctx) => ctx.updateEvent('properties.enriched', true),
    })
    analytics.track('X')
    const [received] = await collector.waitFor(1)

    expect(received!.body.properties).to.deep.equal({ enriched: true })
  })
})

describe('tracking plan', () => {
  it('a disabled event goes to the endpoint only', async () => {
    const { analytics, collector, calls } = await loadHarness(
      {},
      {
        plan: { track: { Blocked: { enabled: false } } },
      },
    )

    analytics.track('Blocked')
    const [received] = await collector.waitFor(1)
    await analytics.ready()
    await tick(10)

    expect(calls).to.have.length(0)
    expect(received!.body.integrations).to.deep.equal({
      All: false,
      'Segment.io': true,
    })
  })

  it('planned integrations merge under the call', async () => {
    const { analytics, callsTo } = await loadHarness(
      {},
      {
        plan: {
          track: {
            Planned: {
              enabled: true,
              integrations: { Mixpanel: false, Amplitude: false },
            },
          },
        },
      },
    )

    analytics.track('Planned', {}, { integrations: { Amplitude: true } })
    await analytics.ready()
    await analytics.flush()
    await tick(10)

    expect(callsTo('Mixpanel')).to.have.length(0)
    expect(callsTo('Amplitude')).to.have.length(1)
  })
})

describe('callbacks and events', () => {
  it('runs a callback once', async () => {
    const { analytics } = await loadHarness()
    const callback = sinon.spy()

    analytics.track('X', {}, {}, callback)
    await tick(400)

    expect(callback.callCount).to.equal(1)
  })

  it('emits track with its arguments', async () => {
    const { analytics } = await loadHarness()
    const listener = sinon.spy()
    analytics.on('track', listener)

    analytics.track('X', { a: 1 })

    expect(listener.firstCall.args).to.deep.equal(['X', { a: 1 }, {}])
  })

  it('emits delivered after a 2xx', async () => {
    const { analytics, collector } = await loadHarness()
    const delivered: string[] = []
    analytics.on('delivered', (message) => delivered.push(message.event!))

    analytics.track('X')
    await collector.waitFor(1)
    await analytics.flush()

    expect(delivered).to.deep.equal(['X'])
  })
})

describe('identity', () => {
  it('reset gives a new anonymous id', async () => {
    const { analytics } = await loadHarness()
    analytics.identify('u1', { a: 1 })
    const before = analytics.user().anonymousId()

    analytics.reset()

    expect(analytics.user().id()).to.equal(null)
    expect(analytics.user().traits()).to.deep.equal({})
    expect(analytics.user().anonymousId()).to.not.equal(before)
  })

  it('storage that throws keeps one anonymous id', async () => {
    sinon
      .stub(Storage.prototype, 'getItem')
      .throws(new DOMException('denied', 'SecurityError'))
    sinon
      .stub(Storage.prototype, 'setItem')
      .throws(new DOMException('denied', 'SecurityError'))
    const { analytics, collector } = await loadHarness()

    analytics.track('One')
    analytics.track('Two')
    const [one, two] = (await collector.waitFor(2)).map((item) => item.body)

    expect(one!.anonymousId).to.equal(two!.anonymousId)
    expect(analytics.user().anonymousId()).to.equal(one!.anonymousId)
  })

  it('ids stored with or without quotes read the same', async () => {
    for (const stored of ['abc-123', '"abc-123"']) {
      localStorage.setItem('ajs_anonymous_id', stored)
      const { analytics, collector } = await loadHarness(
        {},
        { storage: { stores: ['localStorage'] } },
      )

      analytics.track('X')
      const [received] = await collector.waitFor(1)

      expect(analytics.user().anonymousId()).to.equal('abc-123')
      expect(received!.body.anonymousId).to.equal('abc-123')
      await closeHarnesses()
      localStorage.clear()
    }
  })

  it('an encoded cookie reads without quotes', async () => {
    document.cookie = 'ajs_anonymous_id=%22abc-123%22; path=/'
    const { analytics } = await loadHarness()

    expect(analytics.user().anonymousId()).to.equal('abc-123')
  })
})

describe('debug mode', () => {
  it('is silent when off', async () => {
    const { analytics, collector } = await loadHarness()
    const logs = sinon.stub(console, 'log')
    const groups = sinon.stub(console, 'groupCollapsed')

    analytics.track('X')
    await collector.waitFor(1)
    await tick(20)

    expect(logs.callCount).to.equal(0)
    expect(groups.callCount).to.equal(0)
  })

  it('prints one record per call', async () => {
    const { analytics, collector } = await loadHarness()
    await analytics.ready()
    sinon.stub(console, 'log')
    sinon.stub(console, 'table')
    const groups = sinon.stub(console, 'groupCollapsed')

    analytics.debug()
    analytics.track('Shown', {}, { integrations: { Amplitude: false } })
    await collector.waitFor(1)
    await tick(20)
    analytics.debug(false)

    const titles = groups.getCalls().map((call) => String(call.args[0]))
    expect(
      titles.filter((title) => title.includes('track("Shown")')),
    ).to.have.length(1)
    expect(sessionStorage.getItem('clickstream:debug')).to.equal(null)
  })
})
