import { expect } from 'chai'
import sinon from 'sinon'
import { Analytics } from '../../../src/analytics'
import { resetReportedCauses } from '../../../src/debug'
import { closeHarnesses, loadHarness, tick } from './harness'

interface HappyDom {
  setURL(url: string): void
}

function setUrl(url: string): void {
  ;(globalThis as unknown as { happyDOM: HappyDom }).happyDOM.setURL(url)
}

afterEach(async () => {
  sinon.restore()
  resetReportedCauses()
  await closeHarnesses()
})

describe('load options', () => {
  it('initialPageview sends a page first', async () => {
    const { analytics, collector } = await loadHarness(
      {},
      { initialPageview: true },
    )

    analytics.track('After')
    const received = await collector.waitFor(2)

    expect(received.map((item) => item.body.type)).to.deep.equal([
      'page',
      'track',
    ])
  })

  it('disable true sends and stores nothing', async () => {
    const { analytics, collector, calls } = await loadHarness(
      {},
      { disable: true },
    )

    analytics.track('Ignored')
    analytics.identify('u1')
    await tick(50)

    expect(collector.messages).to.have.length(0)
    expect(calls).to.have.length(0)
    expect(localStorage.length).to.equal(0)
    expect(document.cookie).to.equal('')
  })

  it('disable as a function reads the settings', async () => {
    const seen: unknown[] = []
    const { analytics, collector } = await loadHarness(
      {},
      {
        disable: (settings) => {
          seen.push(settings?.integrations.Mixpanel)
          return Promise.resolve(true)
        },
      },
    )

    analytics.track('Ignored')
    await tick(50)

    expect(seen).to.deep.equal([{}])
    expect(collector.messages).to.have.length(0)
  })

  it('a second load is reported and ignored', async () => {
    const errors = sinon.stub(console, 'error')
    const { analytics } = await loadHarness()

    analytics.load('other-key')

    expect(analytics.writeKey).to.equal('test-write-key')
    expect(String(errors.firstCall.args[1])).to.match(/load was called again/)
  })

  it('an empty write key is reported', () => {
    const errors = sinon.stub(console, 'error')
    const analytics = new Analytics()

    analytics.load('')

    expect(String(errors.firstCall.args[1])).to.match(/invalid write key ""/)
  })

  it('cookie options set the id cookie', async () => {
    await loadHarness({}, { cookie: { maxage: 7 } })

    expect(document.cookie).to.match(/ajs_anonymous_id=/)
  })
})

describe('query string', () => {
  it('identifies and tracks from ajs parameters', async () => {
    setUrl(
      'http://shop.example.test/?ajs_uid=u-9&ajs_trait_plan=pro&ajs_event=Clicked&ajs_prop_color=red&ajs_aid=a-1',
    )
    const { analytics, collector } = await loadHarness()

    const received = await collector.waitFor(2)
    const [identify, track] = received.map((item) => item.body)

    expect(identify!.type).to.equal('identify')
    expect(identify!.userId).to.equal('u-9')
    expect(identify!.traits).to.deep.equal({ plan: 'pro' })
    expect(track!.event).to.equal('Clicked')
    expect(track!.properties).to.deep.equal({ color: 'red' })
    expect(analytics.user().anonymousId()).to.equal('a-1')
  })

  it('useQueryString false ignores them', async () => {
    setUrl('http://shop.example.test/?ajs_event=Clicked')
    const { analytics, collector } = await loadHarness(
      {},
      { useQueryString: false },
    )

    analytics.track('Only')
    await collector.waitFor(1)
    await analytics.flush()

    expect(collector.messages.map((item) => item.body.event)).to.deep.equal([
      'Only',
    ])
  })

  it('patterns reject ids that do not match', async () => {
    setUrl('http://shop.example.test/?ajs_uid=bad%20id&ajs_aid=a-2')
    const { analytics } = await loadHarness(
      {},
      { useQueryString: { uid: /^[a-z0-9-]+$/, aid: /^a-\d$/ } },
    )

    expect(analytics.user().id()).to.equal(null)
    expect(analytics.user().anonymousId()).to.equal('a-2')
  })
})

describe('message context', () => {
  it('reads campaign and canonical url', async () => {
    setUrl(
      'http://shop.example.test/shoes?utm_source=news&utm_campaign=spring&ref=1',
    )
    const link = document.createElement('link')
    link.rel = 'canonical'
    link.href = 'https://shop.example.test/canonical-shoes'
    document.head.appendChild(link)
    const { analytics, collector } = await loadHarness()

    analytics.track('Viewed')
    const [received] = await collector.waitFor(1)

    const context = received!.body.context as Record<
      string,
      Record<string, unknown>
    >
    expect(context.campaign).to.deep.equal({ source: 'news', name: 'spring' })
    expect(context.page!.url).to.equal(
      'https://shop.example.test/canonical-shoes?utm_source=news&utm_campaign=spring&ref=1',
    )
    expect(context.page!.path).to.equal('/canonical-shoes')
    expect(context.library).to.deep.equal({
      name: 'clickstream-analytics',
      version: '0.1.0',
    })
  })

  it('merges context and traits options', async () => {
    const { analytics, collector } = await loadHarness()

    analytics.track(
      'X',
      {},
      {
        context: { ip: '0.0.0.0' },
        traits: { plan: 'pro' },
        campaignId: 7,
        timestamp: new Date('2024-05-01T00:00:00Z'),
      },
    )
    const [received] = await collector.waitFor(1)

    const context = received!.body.context as Record<string, unknown>
    expect(context.ip).to.equal('0.0.0.0')
    expect(context.traits).to.deep.equal({ plan: 'pro' })
    expect(context.campaignId).to.equal(7)
    expect(received!.body.timestamp).to.equal('2024-05-01T00:00:00.000Z')
  })
})
