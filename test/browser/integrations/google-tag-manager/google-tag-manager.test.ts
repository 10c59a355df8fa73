// Google Tag Manager through the real core, run by the test kit with its
// gtm.js stand-in, which records each message pushed onto the data layer.
// Ports the cases of Segment's classic destination test
// (integrations/google-tag-manager/test/index.test.js in
// segmentio/analytics.js-integrations).
import { expect } from 'chai'
import sinon from 'sinon'
import googleTagManager from '../../../../integrations/google-tag-manager'
import { resetReportedCauses } from '../../../../src/debug'
import {
  googleTagManagerStandIn,
  loadDestination,
  type DestinationTest,
} from '../../../../src/testing'
import { standInUrl } from '../served-stand-ins'

const NAME = 'Google Tag Manager'
const GTM_URL = 'https://www.googletagmanager.com/gtm.js'
const SETTINGS = { containerId: 'GTM-M8M29T', environment: '' }

let current: DestinationTest | undefined

async function load(settings: Record<string, unknown> = {}) {
  current = await loadDestination(googleTagManager, {
    settings: { ...SETTINGS, ...settings },
    standIns: [googleTagManagerStandIn()],
  })
  return current
}

/**
 * Loads with each vendor URL recorded and rewritten to the served gtm.js,
 * and returns the URLs requested.
 */
async function loadRecordingUrls(
  settings: Record<string, unknown>,
): Promise<string[]> {
  const requested: string[] = []
  current = await loadDestination(googleTagManager, {
    settings: { ...SETTINGS, ...settings },
    loadOptions: {
      vendorScriptUrl: (url) => {
        requested.push(url)
        return standInUrl('gtm.js', url)
      },
    },
  })
  return requested
}

function vendorCalls() {
  return current?.vendorCalls() ?? []
}

/** Messages pushed after the container's own `gtm.js` message. */
function messagesAfterLoad(): Record<string, unknown>[] {
  return vendorCalls()
    .map((call) => call.args[0] as Record<string, unknown>)
    .filter((message) => message.event !== 'gtm.js')
}

/** Page properties the core adds to every page call on this page. */
function pageDefaults(): Record<string, string> {
  return {
    path: location.pathname,
    referrer: document.referrer,
    search: location.search,
    title: document.title,
    url: location.href.replace(/#.*$/, ''),
  }
}

afterEach(() => {
  sinon.restore()
  current?.dispose()
  current = undefined
})

describe('Google Tag Manager: loading', () => {
  it('loads the container onto dataLayer', async () => {
    const requested = await loadRecordingUrls({})

    expect(requested).to.deep.equal([`${GTM_URL}?id=GTM-M8M29T&l=dataLayer`])
    expect(current?.analytics.destinationStatus()[NAME]).to.equal('ready')
    const containers = (window as unknown as Record<string, unknown>)
      .google_tag_manager as Record<string, unknown>
    expect(containers).to.have.property('GTM-M8M29T')
  })

  it('loads the environment given', async () => {
    const requested = await loadRecordingUrls({ environment: 'test' })

    expect(requested).to.deep.equal([
      `${GTM_URL}?id=GTM-M8M29T&l=dataLayer&gtm_preview=test`,
    ])
  })

  it("loads from Google's domain when fullURLpath is empty", async () => {
    const requested = await loadRecordingUrls({ fullURLpath: '' })

    expect(requested).to.deep.equal([`${GTM_URL}?id=GTM-M8M29T&l=dataLayer`])
  })

  it("loads the environment from Google's domain when fullURLpath is empty", async () => {
    const requested = await loadRecordingUrls({
      fullURLpath: '',
      environment: 'test',
    })

    expect(requested).to.deep.equal([
      `${GTM_URL}?id=GTM-M8M29T&l=dataLayer&gtm_preview=test`,
    ])
  })

  it('loads from the custom domain and path in fullURLpath', async () => {
    const requested = await loadRecordingUrls({
      fullURLpath: 'custom.example.com/somepath/blah.js',
    })

    expect(requested).to.deep.equal([
      'https://custom.example.com/somepath/blah.js?id=GTM-M8M29T&l=dataLayer',
    ])
    expect(current?.analytics.destinationStatus()[NAME]).to.equal('ready')
  })

  it('loads the environment from the custom domain', async () => {
    const requested = await loadRecordingUrls({
      fullURLpath: 'custom.example.com/somepath/blah.js',
      environment: 'test',
    })

    expect(requested).to.deep.equal([
      'https://custom.example.com/somepath/blah.js?id=GTM-M8M29T&l=dataLayer&gtm_preview=test',
    ])
  })

  it('pushes the gtm.start message before the container loads', async () => {
    const before = Date.now()

    await load()

    const [first] = vendorCalls()
    const message = first?.args[0] as Record<string, unknown>
    expect(message.event).to.equal('gtm.js')
    expect(message['gtm.start']).to.be.a('number').within(before, Date.now())
    expect(first?.dataLayer).to.equal('dataLayer')
  })

  it('fails without a container ID', async () => {
    sinon.stub(console, 'error')

    await load({ containerId: '' })

    expect(current?.analytics.destinationStatus()[NAME]).to.equal('failed')
    expect(vendorCalls()).to.deep.equal([])
  })

  it('fails with an error naming the option, its type and the value', async () => {
    resetReportedCauses()
    const errors = sinon.stub(console, 'error')

    const requested = await loadRecordingUrls({ trackNamedPages: 'sometimes' })

    expect(current?.analytics.destinationStatus()[NAME]).to.equal('failed')
    const printed = errors.args.map((args) => args.join(' ')).join('\n')
    expect(printed).to.contain(
      'Google Tag Manager: option "trackNamedPages" must be a boolean, received "sometimes".',
    )
    expect(requested).to.deep.equal([])
    expect(window).to.not.have.property('dataLayer')
  })

  it('fails, loading nothing, when fullURLpath is not a host and path', async () => {
    resetReportedCauses()
    const errors = sinon.stub(console, 'error')

    const requested = await loadRecordingUrls({
      fullURLpath: 'custom.example.com/gtm.js?id=other',
    })

    expect(current?.analytics.destinationStatus()[NAME]).to.equal('failed')
    const printed = errors.args.map((args) => args.join(' ')).join('\n')
    expect(printed).to.contain(
      'Google Tag Manager: option "fullURLpath" must be a string of a host and path',
    )
    expect(requested).to.deep.equal([])
    expect(window).to.not.have.property('dataLayer')
  })
})

describe('Google Tag Manager: track', () => {
  it('pushes the event with the anonymous id', async () => {
    const gtm = await load()

    const anonymousId = gtm.analytics.user().anonymousId()
    await gtm.track('some-event')
    const messages = messagesAfterLoad()

    expect(messages).to.deep.equal([
      { segmentAnonymousId: anonymousId, event: 'some-event' },
    ])
  })

  it('pushes the stored user id when there is one', async () => {
    const gtm = await load()

    gtm.analytics.user().id('pablo')
    const anonymousId = gtm.analytics.user().anonymousId()
    await gtm.track('some-event')
    const messages = messagesAfterLoad()

    expect(messages).to.deep.equal([
      {
        segmentAnonymousId: anonymousId,
        userId: 'pablo',
        event: 'some-event',
      },
    ])
  })

  it('pushes the stored anonymous id', async () => {
    const gtm = await load()

    gtm.analytics.user().anonymousId('el')
    await gtm.track('stranger things')
    const messages = messagesAfterLoad()

    expect(messages).to.deep.equal([
      { segmentAnonymousId: 'el', event: 'stranger things' },
    ])
  })

  it("reads the stored user's ids when pushing, as Segment's destination does", async () => {
    const gtm = await load()

    gtm.analytics.user().anonymousId('el')
    await gtm.track('x', {}, { userId: 'call-user', anonymousId: 'call-anon' })
    const messages = messagesAfterLoad()

    expect(messages).to.deep.equal([{ segmentAnonymousId: 'el', event: 'x' }])
  })

  it('pushes the properties', async () => {
    const gtm = await load()

    const anonymousId = gtm.analytics.user().anonymousId()
    await gtm.track('event', { prop: true })
    const messages = messagesAfterLoad()

    expect(messages).to.deep.equal([
      { segmentAnonymousId: anonymousId, event: 'event', prop: true },
    ])
  })

  it('pushes the event name over a property of that name', async () => {
    const gtm = await load()

    gtm.analytics.user().anonymousId('el')
    await gtm.track('stranger things', { prop: true, event: 'ignored' })
    const messages = messagesAfterLoad()

    expect(messages).to.deep.equal([
      { prop: true, segmentAnonymousId: 'el', event: 'stranger things' },
    ])
  })
})

describe('Google Tag Manager: page', () => {
  it('pushes no unnamed page by default', async () => {
    const gtm = await load()

    await gtm.page()
    await gtm.track('marker')
    const messages = messagesAfterLoad()

    expect(messages.map((message) => message.event)).to.deep.equal(['marker'])
  })

  it('pushes Loaded a Page for an unnamed page when trackAllPages is on', async () => {
    const gtm = await load({ trackAllPages: true })

    const anonymousId = gtm.analytics.user().anonymousId()
    await gtm.page()
    const messages = messagesAfterLoad()

    expect(messages).to.deep.equal([
      {
        ...pageDefaults(),
        segmentAnonymousId: anonymousId,
        event: 'Loaded a Page',
      },
    ])
  })

  it('pushes a named page by default', async () => {
    const gtm = await load()

    const anonymousId = gtm.analytics.user().anonymousId()
    await gtm.page('Name')
    const messages = messagesAfterLoad()

    expect(messages).to.deep.equal([
      {
        ...pageDefaults(),
        name: 'Name',
        segmentAnonymousId: anonymousId,
        event: 'Viewed Name Page',
      },
    ])
  })

  it('pushes a named page under its category and name', async () => {
    const gtm = await load({ trackCategorizedPages: false })

    const anonymousId = gtm.analytics.user().anonymousId()
    await gtm.page('Category', 'Name')
    const messages = messagesAfterLoad()

    expect(messages).to.deep.equal([
      {
        ...pageDefaults(),
        category: 'Category',
        name: 'Name',
        segmentAnonymousId: anonymousId,
        event: 'Viewed Category Name Page',
      },
    ])
  })

  it('pushes a categorized page twice by default', async () => {
    const gtm = await load()

    const anonymousId = gtm.analytics.user().anonymousId()
    await gtm.page('Category', 'Name')
    const messages = messagesAfterLoad()

    const properties = {
      ...pageDefaults(),
      category: 'Category',
      name: 'Name',
      segmentAnonymousId: anonymousId,
    }
    expect(messages).to.deep.equal([
      { ...properties, event: 'Viewed Category Page' },
      { ...properties, event: 'Viewed Category Name Page' },
    ])
  })

  it('pushes no named or categorized page when both options are off', async () => {
    const gtm = await load({
      trackNamedPages: false,
      trackCategorizedPages: false,
    })

    await gtm.page('Name')
    await gtm.page('Category', 'Name')
    await gtm.track('marker')
    const messages = messagesAfterLoad()

    expect(messages.map((message) => message.event)).to.deep.equal(['marker'])
  })
})
