// Google Tag Manager through the real core, with gtm.js replaced by the
// stand-in, which records each message pushed onto the data layer. Ports
// the cases of Segment's classic destination test.
import { expect } from 'chai'
import googleTagManager from '../../../../integrations/google-tag-manager'
import type { Analytics } from '../../../../src/analytics'
import type { IntegrationFactory } from '../../../../src/integration/types'
import {
  cleanUpDestination,
  loadDestination,
  settle,
  standInUrl,
  vendorCalls,
} from '../harness'

const NAME = 'Google Tag Manager'
const GTM_URL = 'https://www.googletagmanager.com/gtm.js'
const SETTINGS = { containerId: 'GTM-M8M29T' }

const factory = googleTagManager as unknown as IntegrationFactory<never>
let analytics: Analytics | undefined

async function load(settings: Record<string, unknown> = {}) {
  analytics = await loadDestination(factory, {
    settings: { ...SETTINGS, ...settings },
    standIns: { [GTM_URL]: 'gtm.js' },
  })
  return analytics
}

/** Messages pushed after the container's own `gtm.js` message. */
async function messagesAfterLoad(
  count: number,
): Promise<Record<string, unknown>[]> {
  const messages = () =>
    vendorCalls('google-tag-manager')
      .map((call) => call.args[0] as Record<string, unknown>)
      .filter((message) => message.event !== 'gtm.js')
  const deadline = Date.now() + 1000
  while (messages().length < count && Date.now() < deadline) await settle(10)
  await settle()
  return messages()
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
  analytics?.reset()
  analytics = undefined
  cleanUpDestination(['dataLayer', 'google_tag_manager'])
})

describe('Google Tag Manager: loading', () => {
  it('loads the container onto dataLayer', async () => {
    const requested: string[] = []

    analytics = await loadDestination(factory, {
      settings: SETTINGS,
      standIns: {},
      loadOptions: {
        vendorScriptUrl: (url) => {
          requested.push(url)
          return standInUrl('gtm.js', url)
        },
      },
    })

    expect(requested).to.deep.equal([`${GTM_URL}?id=GTM-M8M29T&l=dataLayer`])
    expect(analytics.destinationStatus()[NAME]).to.equal('ready')
    const containers = (window as unknown as Record<string, unknown>)
      .google_tag_manager as Record<string, unknown>
    expect(containers).to.have.property('GTM-M8M29T')
  })

  it('loads the environment given', async () => {
    const requested: string[] = []

    analytics = await loadDestination(factory, {
      settings: { ...SETTINGS, environment: 'env-2' },
      standIns: {},
      loadOptions: {
        vendorScriptUrl: (url) => {
          requested.push(url)
          return standInUrl('gtm.js', url)
        },
      },
    })

    expect(requested).to.deep.equal([
      `${GTM_URL}?id=GTM-M8M29T&l=dataLayer&gtm_preview=env-2`,
    ])
  })

  it('pushes the gtm.start message before the container loads', async () => {
    const before = Date.now()

    await load()

    const [first] = vendorCalls('google-tag-manager')
    const message = first?.args[0] as Record<string, unknown>
    expect(message.event).to.equal('gtm.js')
    expect(message['gtm.start']).to.be.a('number').within(before, Date.now())
    expect(first?.dataLayer).to.equal('dataLayer')
  })

  it('fails without a container ID', async () => {
    await load({ containerId: '' })

    expect(analytics?.destinationStatus()[NAME]).to.equal('failed')
    expect(vendorCalls('google-tag-manager')).to.deep.equal([])
  })
})

describe('Google Tag Manager: track', () => {
  it('pushes the event with the anonymous id', async () => {
    const gtm = await load()

    gtm.track('some-event')
    const messages = await messagesAfterLoad(1)

    expect(messages).to.deep.equal([
      {
        segmentAnonymousId: gtm.user().anonymousId(),
        event: 'some-event',
      },
    ])
  })

  it('pushes the user id when there is one', async () => {
    const gtm = await load()

    gtm.identify('pablo')
    gtm.track('some-event')
    const messages = await messagesAfterLoad(1)

    expect(messages).to.deep.equal([
      {
        userId: 'pablo',
        segmentAnonymousId: gtm.user().anonymousId(),
        event: 'some-event',
      },
    ])
  })

  it('pushes the properties, with the event name over a property of that name', async () => {
    const gtm = await load()

    gtm.setAnonymousId('el')
    gtm.track('stranger things', { prop: true, event: 'ignored' })
    const messages = await messagesAfterLoad(1)

    expect(messages).to.deep.equal([
      { prop: true, segmentAnonymousId: 'el', event: 'stranger things' },
    ])
  })
})

describe('Google Tag Manager: page', () => {
  it('pushes no unnamed page by default', async () => {
    const gtm = await load()

    gtm.page()
    gtm.track('marker')
    const messages = await messagesAfterLoad(1)

    expect(messages.map((message) => message.event)).to.deep.equal(['marker'])
  })

  it('pushes Loaded a Page for every page when trackAllPages is on', async () => {
    const gtm = await load({ trackAllPages: true })

    gtm.page()
    const messages = await messagesAfterLoad(1)

    expect(messages).to.deep.equal([
      {
        ...pageDefaults(),
        segmentAnonymousId: gtm.user().anonymousId(),
        event: 'Loaded a Page',
      },
    ])
  })

  it('pushes a named page', async () => {
    const gtm = await load()

    gtm.page('Name')
    const messages = await messagesAfterLoad(1)

    expect(messages).to.deep.equal([
      {
        ...pageDefaults(),
        name: 'Name',
        segmentAnonymousId: gtm.user().anonymousId(),
        event: 'Viewed Name Page',
      },
    ])
  })

  it('pushes the category, then the full name, of a categorized page', async () => {
    const gtm = await load()

    gtm.page('Category', 'Name')
    const messages = await messagesAfterLoad(2)

    expect(messages.map((message) => message.event)).to.deep.equal([
      'Viewed Category Page',
      'Viewed Category Name Page',
    ])
    expect(messages[1]).to.include({ category: 'Category', name: 'Name' })
  })

  it('pushes neither when both page options are off', async () => {
    const gtm = await load({
      trackNamedPages: false,
      trackCategorizedPages: false,
    })

    gtm.page('Category', 'Name')
    gtm.track('marker')
    const messages = await messagesAfterLoad(1)

    expect(messages.map((message) => message.event)).to.deep.equal(['marker'])
  })
})
