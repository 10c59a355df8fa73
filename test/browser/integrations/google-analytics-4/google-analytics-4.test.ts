// Google Analytics 4 through the real core, with gtag.js replaced by the
// stand-in, which records each gtag command the destination issues.
import { expect } from 'chai'
import googleAnalytics4 from '../../../../integrations/google-analytics-4'
import type { Analytics } from '../../../../src/analytics'
import type { IntegrationFactory } from '../../../../src/integration/types'
import {
  cleanUpDestination,
  loadDestination,
  settle,
  standInUrl,
  vendorCalls,
} from '../harness'

const NAME = 'Google Analytics 4'
const GTAG_URL = 'https://www.googletagmanager.com/gtag/js'
const SETTINGS = { measurementIds: ['G-100'] }
const DEFAULT_CONFIG = {
  send_page_view: false,
  cookie_update: true,
  cookie_domain: 'auto',
  cookie_prefix: '_ga',
  cookie_expires: 63072000,
}

const factory = googleAnalytics4 as unknown as IntegrationFactory<never>
let analytics: Analytics | undefined

async function load(settings: Record<string, unknown> = {}) {
  analytics = await loadDestination(factory, {
    settings: { ...SETTINGS, ...settings },
    standIns: { [GTAG_URL]: 'gtag.js' },
  })
  return analytics
}

function gtagCalls(): unknown[][] {
  return vendorCalls('gtag').map((call) => call.args)
}

/** The gtag commands issued after the load's js, set and config commands. */
async function commandsAfterLoad(count: number): Promise<unknown[][]> {
  const afterLoad = () =>
    gtagCalls().filter(
      (args) =>
        args[0] !== 'js' &&
        args[0] !== 'config' &&
        !(args[0] === 'set' && String(args[1]).startsWith('allow_')),
    )
  const deadline = Date.now() + 1000
  while (afterLoad().length < count && Date.now() < deadline) await settle(10)
  await settle()
  return afterLoad()
}

afterEach(() => {
  analytics?.reset()
  analytics = undefined
  cleanUpDestination(['ga4DataLayer', 'dataLayer', 'gtag'])
})

describe('Google Analytics 4: loading', () => {
  it('loads gtag.js for the first ID onto its own data layer', async () => {
    const requested: string[] = []

    analytics = await loadDestination(factory, {
      settings: { measurementIds: ['G-100', 'G-200'] },
      standIns: {},
      loadOptions: {
        vendorScriptUrl: (url) => {
          requested.push(url)
          return standInUrl('gtag.js', url)
        },
      },
    })

    expect(requested).to.deep.equal([`${GTAG_URL}?id=G-100&l=ga4DataLayer`])
    expect(analytics.destinationStatus()[NAME]).to.equal('ready')
  })

  it('sets the advertising features, then configures each ID', async () => {
    await load({ measurementIds: ['G-100', 'G-200'] })

    const calls = gtagCalls()

    expect(calls[0]?.[0]).to.equal('js')
    expect(calls[0]?.[1]).to.be.instanceOf(Date)
    expect(calls.slice(1)).to.deep.equal([
      ['set', 'allow_google_signals', false],
      ['set', 'allow_ad_personalization_signals', false],
      ['config', 'G-100', DEFAULT_CONFIG],
      ['config', 'G-200', DEFAULT_CONFIG],
    ])
    expect(
      vendorCalls('gtag').every((call) => call.dataLayer === 'ga4DataLayer'),
    ).to.equal(true)
  })

  it('passes the cookie and page view options to config', async () => {
    await load({
      cookieDomainName: 'example.test',
      cookiePrefix: 'shop',
      cookieExpiration: 3600,
      cookieUpdate: false,
      cookieFlags: 'SameSite=None;Secure',
      sendAutomaticPageViewEvent: true,
      allowAllAdvertisingFeatures: true,
      allowAdvertisingPersonalization: true,
    })

    expect(gtagCalls().slice(1)).to.deep.equal([
      ['set', 'allow_google_signals', true],
      ['set', 'allow_ad_personalization_signals', true],
      [
        'config',
        'G-100',
        {
          send_page_view: true,
          cookie_update: false,
          cookie_domain: 'example.test',
          cookie_prefix: 'shop',
          cookie_expires: 3600,
          cookie_flags: 'SameSite=None;Secure',
        },
      ],
    ])
  })

  it('leaves window.gtag and window.dataLayer to the page and Google Ads', async () => {
    await load()

    const scope = window as unknown as Record<string, unknown>
    expect(scope.gtag).to.equal(undefined)
    expect(scope.dataLayer).to.equal(undefined)
  })

  it('loads nothing and sends nothing when disableGoogleAnalytics is on', async () => {
    const requested: string[] = []

    analytics = await loadDestination(factory, {
      settings: { ...SETTINGS, disableGoogleAnalytics: true },
      standIns: {},
      loadOptions: {
        vendorScriptUrl: (url) => {
          requested.push(url)
          return url
        },
      },
    })
    analytics.track('Product Added', { product_id: 'p1', price: 1 })
    analytics.page('Home')
    await settle(50)

    expect(requested).to.deep.equal([])
    expect(analytics.destinationStatus()[NAME]).to.equal('ready')
    expect(gtagCalls()).to.deep.equal([])
    expect(window).to.not.have.property('ga4DataLayer')
  })

  it('fails, naming the option, without measurement IDs', async () => {
    await load({ measurementIds: [] })

    expect(analytics?.destinationStatus()[NAME]).to.equal('failed')
    expect(gtagCalls()).to.deep.equal([])
  })
})

describe('Google Analytics 4: e-commerce', () => {
  it('sends add_to_cart for Product Added (R15)', async () => {
    const ga4 = await load()

    ga4.track('Product Added', {
      product_id: 'sku-1',
      name: 'Sliding Door',
      category: 'modern',
      price: 955,
      currency: 'EUR',
    })
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([
      [
        'event',
        'add_to_cart',
        {
          currency: 'EUR',
          value: 955,
          items: [
            {
              item_id: 'sku-1',
              item_name: 'Sliding Door',
              item_category: 'modern',
              price: 955,
              quantity: 1,
            },
          ],
        },
      ],
    ])
  })

  it('multiplies the value by the quantity (R15)', async () => {
    const ga4 = await load()

    ga4.track('Product Added', {
      product_id: 'sku-1',
      name: 'Sliding Door',
      category: 'modern',
      price: 955,
      currency: 'EUR',
      quantity: 2,
    })
    const [command] = await commandsAfterLoad(1)

    const params = command?.[2] as Record<string, unknown>
    expect(params.value).to.equal(1910)
    expect(params.items).to.deep.equal([
      {
        item_id: 'sku-1',
        item_name: 'Sliding Door',
        item_category: 'modern',
        price: 955,
        quantity: 2,
      },
    ])
  })

  it('sends purchase with one item per product for Order Completed (R15)', async () => {
    const ga4 = await load()

    ga4.track('Order Completed', {
      order_id: 'ord-1',
      total: 30,
      currency: 'EUR',
      products: [
        { product_id: 'p1', name: 'Hinge', quantity: 2, price: 10 },
        { product_id: 'p2', name: 'Handle', quantity: 1, price: 10 },
      ],
    })
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([
      [
        'event',
        'purchase',
        {
          transaction_id: 'ord-1',
          currency: 'EUR',
          value: 30,
          items: [
            { item_id: 'p1', item_name: 'Hinge', price: 10, quantity: 2 },
            { item_id: 'p2', item_name: 'Handle', price: 10, quantity: 1 },
          ],
        },
      ],
    ])
  })

  it('sends sign_up for Signed Up', async () => {
    const ga4 = await load()

    ga4.track('Signed Up', { method: 'email' })
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([['event', 'sign_up', { method: 'email' }]])
  })

  it('sends nothing for an event that is neither spec nor mapped', async () => {
    const ga4 = await load()

    ga4.track('Video Played', { title: 'Intro' })
    ga4.track('Logged In')
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([['event', 'login', {}]])
  })
})

describe('Google Analytics 4: customEventsAndParameters', () => {
  const customEventsAndParameters = [
    {
      segmentEvent: 'Started Episode',
      googleEvent: 'new_episode',
      parameters: [
        { key: 'properties.title', value: 'title' },
        { key: 'properties.genre', value: 'primary_genre' },
      ],
    },
    {
      segmentEvent: 'Order Completed',
      googleEvent: 'order_done',
      parameters: [{ key: 'properties.order_id', value: 'order' }],
    },
  ]

  it('sends a mapped event with its mapped parameters', async () => {
    const ga4 = await load({ customEventsAndParameters })

    ga4.track('Started Episode', { title: 'Pilot', genre: 'drama', x: 1 })
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([
      ['event', 'new_episode', { title: 'Pilot', primary_genre: 'drama' }],
    ])
  })

  it('sends a mapped spec event as mapped, instead of its recommended event', async () => {
    const ga4 = await load({ customEventsAndParameters })

    ga4.track('Order Completed', { order_id: 'ord-1', total: 30 })
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([
      ['event', 'order_done', { order: 'ord-1' }],
    ])
  })
})

describe('Google Analytics 4: page', () => {
  it('sends page_view with the location, referrer and title', async () => {
    const ga4 = await load()

    ga4.page('Docs', 'Home')
    const commands = await commandsAfterLoad(1)

    // The referrer is the page context's, as Segment's facade reads it.
    const referrer = document.referrer
      ? { page_referrer: document.referrer }
      : {}
    expect(commands).to.deep.equal([
      [
        'event',
        'page_view',
        {
          page_location: location.href.replace(/#.*$/, ''),
          ...referrer,
          page_title: 'Docs Home',
        },
      ],
    ])
  })

  it('uses the document title for an unnamed page', async () => {
    const ga4 = await load()

    ga4.page({ title: 'Pricing — Shop' })
    const [command] = await commandsAfterLoad(1)

    expect(command?.[2]).to.have.property('page_title', 'Pricing — Shop')
  })

  it('sends no page_view when gtag.js sends its own', async () => {
    const ga4 = await load({ sendAutomaticPageViewEvent: true })

    ga4.page('Home')
    ga4.track('Logged In')
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([['event', 'login', {}]])
  })
})

describe('Google Analytics 4: identify and group', () => {
  it('sets the mapped user properties', async () => {
    const ga4 = await load({
      userProperties: { 'traits.plan': 'plan', 'traits.seats': 'seats' },
    })

    ga4.identify('user-42', { plan: 'pro', email: 'ana@example.test' })
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([
      ['set', 'user_properties', { plan: 'pro' }],
    ])
  })

  it('sends no user_id under the device reporting identity', async () => {
    const ga4 = await load()

    ga4.identify('user-42', { plan: 'pro' })
    ga4.track('Logged In')
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([['event', 'login', {}]])
  })

  it('sets user_id once for a User-ID reporting identity, and clears it on reset', async () => {
    const ga4 = await load({ googleReportingIdentity: 'userIdAndDevice' })

    ga4.identify('user-42')
    ga4.track('Logged In')
    await commandsAfterLoad(2)
    ga4.reset()
    ga4.track('Logged In')
    const commands = await commandsAfterLoad(4)

    expect(commands).to.deep.equal([
      ['set', { user_id: 'user-42' }],
      ['event', 'login', {}],
      ['set', { user_id: null }],
      ['event', 'login', {}],
    ])
  })

  it('sends join_group with the group id', async () => {
    const ga4 = await load()

    ga4.group('team-7', { name: 'Team' })
    const commands = await commandsAfterLoad(1)

    expect(commands).to.deep.equal([
      ['event', 'join_group', { group_id: 'team-7' }],
    ])
  })
})
