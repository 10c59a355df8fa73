import { expect } from 'chai'
import sinon from 'sinon'
import { closeHarnesses, disposeEndpoint, loadHarness, tick } from './harness'

afterEach(async () => {
  sinon.restore()
  await closeHarnesses()
})

describe('page calls', () => {
  it('one string is the name', async () => {
    const { analytics, collector } = await loadHarness()

    analytics.page('Docs Home', { category: 'Docs' })
    const [received] = await collector.waitFor(1)

    const body = received!.body
    expect(body.name).to.equal('Docs Home')
    expect(body).to.not.have.property('category')
    const properties = body.properties as Record<string, unknown>
    expect(properties.category).to.equal('Docs')
    expect(properties.name).to.equal('Docs Home')
    expect(properties).to.include.keys(
      'path',
      'url',
      'title',
      'referrer',
      'search',
    )
    expect(properties.url).to.equal('http://shop.example.test/')
    expect(properties.path).to.equal('/')
  })

  it('two strings are category and name', async () => {
    const { analytics, collector } = await loadHarness()

    analytics.page('Docs', 'Home')
    const [received] = await collector.waitFor(1)

    const body = received!.body
    expect(body.category).to.equal('Docs')
    expect(body.name).to.equal('Home')
    const properties = body.properties as Record<string, unknown>
    expect(properties.category).to.equal('Docs')
    expect(properties.name).to.equal('Home')
  })

  it('null placeholders route to the endpoint only', async () => {
    const { analytics, collector, calls } = await loadHarness()
    const callback = sinon.spy()

    analytics.page(
      'Pricing',
      null,
      { plan: 'pro' },
      { integrations: { All: false, Clickstream: true } },
      callback,
    )
    const [received] = await collector.waitFor(1)
    await tick(350)

    expect(received!.body.name).to.equal('Pricing')
    expect(
      (received!.body.properties as Record<string, unknown>).plan,
    ).to.equal('pro')
    expect(calls).to.have.length(0)
    expect(callback.callCount).to.equal(1)
  })

  it('null properties keep defaults and skip Mixpanel', async () => {
    const { analytics, collector, callsTo } = await loadHarness()

    analytics.page('Pricing', null, null, { integrations: { Mixpanel: false } })
    const [received] = await collector.waitFor(1)
    await analytics.ready()
    await tick(10)

    expect(received!.body.name).to.equal('Pricing')
    expect(
      Object.keys(received!.body.properties as object).sort(),
    ).to.deep.equal(['name', 'path', 'referrer', 'search', 'title', 'url'])
    expect(callsTo('Mixpanel')).to.have.length(0)
    expect(callsTo('Amplitude')).to.have.length(1)
    expect(callsTo('Google Analytics 4')).to.have.length(1)
  })
})

describe('identify calls', () => {
  it('merges traits for the same user', async () => {
    const { analytics, collector } = await loadHarness()

    analytics.identify({ email: 'ana@example.test', plan: 'trial' })
    analytics.identify('user-42', { plan: 'pro' })
    analytics.identify({ seats: 3 })
    const received = await collector.waitFor(3)

    const [first, , third] = received.map((item) => item.body)
    expect(first!.anonymousId).to.be.a('string')
    expect(first).to.not.have.property('userId')
    expect(third!.userId).to.equal('user-42')
    expect(analytics.user().traits()).to.deep.equal({
      email: 'ana@example.test',
      plan: 'pro',
      seats: 3,
    })
  })

  it('stringifies numeric ids', async () => {
    const { analytics, collector } = await loadHarness()
    const anonymousId = analytics.user().anonymousId()

    analytics.identify(12345, { name: 'Test User' })
    analytics.alias(12345)
    const [identify, alias] = (await collector.waitFor(2)).map(
      (item) => item.body,
    )

    expect(identify!.userId).to.equal('12345')
    expect(alias!.userId).to.equal('12345')
    expect(alias!.previousId).to.be.oneOf(['12345', anonymousId])
    expect(analytics.user().id()).to.equal('12345')
  })

  it('keeps null trait values', async () => {
    const { analytics, collector } = await loadHarness()

    analytics.identify('user-7', { company: null, plan: 'free' })
    const [received] = await collector.waitFor(1)

    expect(received!.body.traits).to.deep.equal({ company: null, plan: 'free' })
  })
})

describe('routing', () => {
  it('All false keeps the endpoint on', async () => {
    const { analytics, collector, callsTo } = await loadHarness()

    analytics.track(
      'Signed Up',
      {},
      { integrations: { All: false, Mixpanel: true } },
    )
    const [received] = await collector.waitFor(1)
    await analytics.ready()
    await tick(10)

    expect(callsTo('Mixpanel')).to.have.length(1)
    expect(callsTo('Amplitude')).to.have.length(0)
    expect(received!.body.integrations).to.deep.equal({
      All: false,
      Mixpanel: true,
    })
    expect(collector.messages).to.have.length(1)
  })

  it('Clickstream false turns the endpoint off', async () => {
    const { analytics, collector, callsTo } = await loadHarness()

    analytics.track('A', {}, { integrations: { Clickstream: false } })
    analytics.track('B', {}, { integrations: { 'Segment.io': false } })
    analytics.track('C')
    await collector.waitFor(1)
    await analytics.flush()

    expect(collector.messages.map((item) => item.body.event)).to.deep.equal([
      'C',
    ])
    expect(callsTo('Mixpanel')).to.have.length(3)
  })

  it('an options object counts as enabled', async () => {
    const { analytics, collector, callsTo } = await loadHarness()

    analytics.track(
      'Signed Up',
      {},
      { integrations: { All: false, Amplitude: { session_id: 123 } } },
    )
    await collector.waitFor(1)
    await analytics.ready()
    await tick(10)

    const amplitude = callsTo('Amplitude')
    expect(amplitude).to.have.length(1)
    expect(amplitude[0]!.callOptions).to.deep.equal({ session_id: 123 })
    expect(callsTo('Mixpanel')).to.have.length(0)
    expect(callsTo('Google Analytics 4')).to.have.length(0)
    expect(collector.messages).to.have.length(1)
  })
})

describe('buffering', () => {
  it('keeps calls made before load in order', async () => {
    const { Analytics } = await import('../../../src/analytics')
    const { recordingIntegration } =
      await import('../../fixtures/recording-destination')
    const { startCollector } = await import('../../helpers/collector')
    const collector = await startCollector()
    const calls: Parameters<typeof recordingIntegration>[1] = []
    const analytics = new Analytics([recordingIntegration('Mixpanel', calls)])

    analytics.track('A')
    analytics.load('wk', {
      cdnSettings: {
        integrations: {
          'Segment.io': { apiHost: collector.apiHost, protocol: 'http' },
          Mixpanel: { loadDelay: 50 },
        },
      },
    })
    analytics.track('B')
    await analytics.ready()
    analytics.track('C')
    const received = await collector.waitFor(3)
    await tick(10)
    disposeEndpoint(analytics)
    await collector.close()

    expect(received.map((item) => item.body.event)).to.deep.equal([
      'A',
      'B',
      'C',
    ])
    expect(calls.map((call) => call.message.event)).to.deep.equal([
      'A',
      'B',
      'C',
    ])
    expect(new Set(received.map((item) => item.body.messageId)).size).to.equal(
      3,
    )
  })
})
