// Google Analytics 4 through the real core, run by the test kit with its
// gtag.js stand-in, which records each gtag command the destination issues.
// Ports the cases of Segment's classic destination test
// (integrations/google-analytics-4/test/index.js in
// segmentio/analytics.js-integrations), then tests our additions: the
// recommended e-commerce events and the User-ID sync.
import { expect } from 'chai'
import sinon from 'sinon'
import googleAnalytics4 from '../../../../integrations/google-analytics-4'
import { resetReportedCauses } from '../../../../src/debug'
import {
  gtagStandIn,
  loadDestination,
  type DestinationTest,
} from '../../../../src/testing'
import { standInUrl } from '../served-stand-ins'

const NAME = 'Google Analytics 4'
const GTAG_URL = 'https://www.googletagmanager.com/gtag/js'
/** The reference test's settings: two web streams. */
const SETTINGS = { measurementIds: ['G-100', 'G-200'] }
const DEFAULT_CONFIG = {
  send_page_view: false,
  cookie_update: true,
  cookie_domain: 'auto',
  cookie_prefix: '_ga',
  cookie_expires: 63072000,
}

let current: DestinationTest | undefined
/** How many gtag commands the destination issued while loading. */
let loadCommands = 0

async function load(settings: Record<string, unknown> = {}) {
  current = await loadDestination(googleAnalytics4, {
    settings: { ...SETTINGS, ...settings },
    standIns: [gtagStandIn()],
  })
  loadCommands = gtagCalls().length
  return current
}

/**
 * Loads with each vendor URL recorded and rewritten to the served gtag.js,
 * and returns the URLs requested.
 */
async function loadRecordingUrls(
  settings: Record<string, unknown>,
): Promise<string[]> {
  const requested: string[] = []
  current = await loadDestination(googleAnalytics4, {
    settings,
    loadOptions: {
      vendorScriptUrl: (url) => {
        requested.push(url)
        return standInUrl('gtag.js', url)
      },
    },
  })
  return requested
}

function vendorCalls() {
  return current?.vendorCalls('gtag') ?? []
}

function gtagCalls(): unknown[][] {
  return vendorCalls().map((call) => call.args)
}

/** Returns the gtag commands issued after the load's. */
function commandsAfterLoad(): unknown[][] {
  return gtagCalls().slice(loadCommands)
}

afterEach(() => {
  sinon.restore()
  current?.dispose()
  current = undefined
  loadCommands = 0
})

describe('Google Analytics 4: loading', () => {
  it('loads gtag.js with the first measurement ID onto its own data layer', async () => {
    const requested = await loadRecordingUrls(SETTINGS)

    expect(requested).to.deep.equal([`${GTAG_URL}?id=G-100&l=ga4DataLayer`])
    expect(current?.analytics.destinationStatus()[NAME]).to.equal('ready')
  })

  it('queues its commands as arguments objects on window.ga4DataLayer', async () => {
    await load()

    const layer = (window as unknown as { ga4DataLayer: unknown[] })
      .ga4DataLayer
    expect(layer).to.be.an('array').with.length(5)
    expect(
      layer.map((entry) => Object.prototype.toString.call(entry)),
    ).to.deep.equal(Array(5).fill('[object Arguments]'))
    expect(
      vendorCalls().every((call) => call.dataLayer === 'ga4DataLayer'),
    ).to.equal(true)
  })

  it('leaves window.gtag and window.dataLayer to the page and Google Ads', async () => {
    await load()

    const scope = window as unknown as Record<string, unknown>
    expect(scope.gtag).to.equal(undefined)
    expect(scope.dataLayer).to.equal(undefined)
  })

  it('configures every ID after the advertising settings', async () => {
    await load()

    const calls = gtagCalls()

    expect(calls[0]?.[0]).to.equal('js')
    expect(calls[0]?.[1]).to.be.instanceOf(Date)
    expect(calls.slice(1)).to.deep.equal([
      ['set', 'allow_google_signals', false],
      ['set', 'allow_ad_personalization_signals', false],
      ['config', 'G-100', DEFAULT_CONFIG],
      ['config', 'G-200', DEFAULT_CONFIG],
    ])
  })

  it('passes the cookie options to every ID, and sets cookie_flags', async () => {
    await load({
      cookieUpdate: false,
      cookieDomainName: 'ajs.test',
      cookiePrefix: 'test_prefix',
      cookieExpiration: 21,
      cookieFlags: 'SameSite=None;Secure',
    })

    const config = {
      send_page_view: false,
      cookie_update: false,
      cookie_domain: 'ajs.test',
      cookie_prefix: 'test_prefix',
      cookie_expires: 21,
    }
    expect(gtagCalls().slice(1)).to.deep.equal([
      ['set', { cookie_flags: 'SameSite=None;Secure' }],
      ['set', 'allow_google_signals', false],
      ['set', 'allow_ad_personalization_signals', false],
      ['config', 'G-100', config],
      ['config', 'G-200', config],
    ])
  })

  it('turns the advertising features and automatic page views on when asked', async () => {
    await load({
      measurementIds: ['G-100'],
      sendAutomaticPageViewEvent: true,
      allowAllAdvertisingFeatures: true,
      allowAdvertisingPersonalization: true,
    })

    expect(gtagCalls().slice(1)).to.deep.equal([
      ['set', 'allow_google_signals', true],
      ['set', 'allow_ad_personalization_signals', true],
      ['config', 'G-100', { ...DEFAULT_CONFIG, send_page_view: true }],
    ])
  })

  it('loads nothing and sends nothing when disableGoogleAnalytics is on', async () => {
    const requested = await loadRecordingUrls({
      ...SETTINGS,
      disableGoogleAnalytics: true,
    })
    await current?.track('Product Added', { product_id: 'p1', price: 1 })
    await current?.page('Home')

    expect(requested).to.deep.equal([])
    expect(current?.analytics.destinationStatus()[NAME]).to.equal('ready')
    expect(gtagCalls()).to.deep.equal([])
    expect(window).to.not.have.property('ga4DataLayer')
  })

  it('loads nothing, and fails naming the option, without measurement IDs', async () => {
    resetReportedCauses()
    const errors = sinon.stub(console, 'error')

    const requested = await loadRecordingUrls({ measurementIds: [] })

    expect(requested).to.deep.equal([])
    expect(current?.analytics.destinationStatus()[NAME]).to.equal('failed')
    const printed = errors.args.map((args) => args.join(' ')).join('\n')
    expect(printed).to.contain(
      'Google Analytics 4: option "measurementIds" must be an array of measurement IDs',
    )
    expect(gtagCalls()).to.deep.equal([])
  })

  it('fails with an error naming the option, its type and the value', async () => {
    resetReportedCauses()
    const errors = sinon.stub(console, 'error')

    const requested = await loadRecordingUrls({
      ...SETTINGS,
      cookieUpdate: 'sometimes',
    })

    expect(current?.analytics.destinationStatus()[NAME]).to.equal('failed')
    const printed = errors.args.map((args) => args.join(' ')).join('\n')
    expect(printed).to.contain(
      'Google Analytics 4: option "cookieUpdate" must be a boolean, received "sometimes".',
    )
    expect(requested).to.deep.equal([])
    expect(window).to.not.have.property('ga4DataLayer')
  })
})

describe('Google Analytics 4: identify and group', () => {
  it('sets the mapped user properties', async () => {
    const ga4 = await load({
      userProperties: { 'traits.role': 'role', 'traits.tz': 'timezone' },
    })

    await ga4.identify('user1', { role: 'tester', tz: 'TST' })
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([
      ['set', 'user_properties', { role: 'tester', timezone: 'TST' }],
    ])
  })

  it('sets the user ID for a User-ID reporting identity', async () => {
    const ga4 = await load({ googleReportingIdentity: 'userIdAndDevice' })

    await ga4.identify('user1')
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([['set', { user_id: 'user1' }]])
  })

  it('sends no user ID under the device reporting identity', async () => {
    const ga4 = await load()

    await ga4.identify('user1', { plan: 'pro' })
    await ga4.track('Logged In')
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([['event', 'login', {}]])
  })

  it('keeps user_id in step with every call, and clears it on reset', async () => {
    const ga4 = await load({
      googleReportingIdentity: 'userIdSignalsAndDevice',
    })

    await ga4.identify('user-42')
    await ga4.track('Logged In')
    ga4.analytics.reset()
    await ga4.track('Logged In')
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([
      ['set', { user_id: 'user-42' }],
      ['event', 'login', {}],
      ['set', { user_id: null }],
      ['event', 'login', {}],
    ])
  })

  it('sends join_group with the group ID', async () => {
    const ga4 = await load()

    await ga4.group('group1')
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([
      ['event', 'join_group', { group_id: 'group1' }],
    ])
  })
})

describe('Google Analytics 4: page', () => {
  it('sends page_view with the location, referrer and title given', async () => {
    const ga4 = await load()

    await ga4.page('Home', {
      url: 'url',
      path: '/path',
      referrer: 'http://ajs.test',
    })
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([
      [
        'event',
        'page_view',
        {
          page_location: 'url',
          page_referrer: 'http://ajs.test',
          page_title: 'Home',
        },
      ],
    ])
  })

  it("takes the page's own location and referrer, and category and name as the title", async () => {
    const ga4 = await load()

    await ga4.page('Docs', 'Home')
    const commands = commandsAfterLoad()

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

  it('uses the title property for an unnamed page', async () => {
    const ga4 = await load()

    await ga4.page({ title: 'Pricing — Shop' })
    const [command] = commandsAfterLoad()

    expect(command?.[2]).to.have.property('page_title', 'Pricing — Shop')
  })

  it('sends no page_view when gtag.js sends its own', async () => {
    const ga4 = await load({ sendAutomaticPageViewEvent: true })

    await ga4.page('Home')
    await ga4.track('Logged In')
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([['event', 'login', {}]])
  })
})

describe('Google Analytics 4: customEventsAndParameters', () => {
  it('skips entries without a Segment or a Google event', async () => {
    const ga4 = await load({
      customEventsAndParameters: [
        { segmentEvent: '', googleEvent: 'gevent', parameters: [] },
        { segmentEvent: 'event1', googleEvent: '', parameters: [] },
      ],
    })

    await ga4.track('event1')
    await ga4.track('Logged In')
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([['event', 'login', {}]])
  })

  it('sends a mapped event with its mapped parameters', async () => {
    const ga4 = await load({
      customEventsAndParameters: [
        {
          segmentEvent: 'event1',
          googleEvent: 'gevent',
          parameters: [{ key: 'properties.state', value: 'state' }],
        },
      ],
    })

    await ga4.track('event1', { state: 'playing', other: 1 })
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([['event', 'gevent', { state: 'playing' }]])
  })

  it('skips invalid parameters and parameter lists', async () => {
    const ga4 = await load({
      customEventsAndParameters: [
        {
          segmentEvent: 'event1',
          googleEvent: 'gevent',
          parameters: [{ key: '', value: 'state' }],
        },
        {
          segmentEvent: 'event1',
          googleEvent: 'gevent',
          parameters: [{ key: 'properties.state', value: '' }],
        },
        {
          segmentEvent: 'event1',
          googleEvent: 'gevent',
          parameters: { invalid: 'mapping' },
        },
      ],
    })

    await ga4.track('event1', { state: 'playing' })
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([
      ['event', 'gevent', {}],
      ['event', 'gevent', {}],
    ])
  })

  it('sends a mapped spec event as mapped, instead of its recommended event', async () => {
    const ga4 = await load({
      customEventsAndParameters: [
        {
          segmentEvent: 'order_completed',
          googleEvent: 'order_done',
          parameters: [{ key: 'properties.order_id', value: 'order' }],
        },
      ],
    })

    await ga4.track('Order Completed', { order_id: 'ord-1', total: 30 })
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([
      ['event', 'order_done', { order: 'ord-1' }],
    ])
  })
})

describe('Google Analytics 4: recommended events', () => {
  it('sends add_to_cart for Product Added', async () => {
    const ga4 = await load()

    await ga4.track('Product Added', {
      product_id: 'sku-1',
      name: 'Sliding Door',
      category: 'modern',
      price: 955,
      currency: 'EUR',
    })
    const commands = commandsAfterLoad()

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

  it('multiplies the value by the quantity', async () => {
    const ga4 = await load()

    await ga4.track('Product Added', {
      product_id: 'sku-1',
      name: 'Sliding Door',
      category: 'modern',
      price: 955,
      currency: 'EUR',
      quantity: 2,
    })
    const [command] = commandsAfterLoad()

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

  it('sends purchase with one item per product for Order Completed', async () => {
    const ga4 = await load()

    await ga4.track('Order Completed', {
      order_id: 'ord-1',
      total: 30,
      currency: 'EUR',
      products: [
        { product_id: 'p1', name: 'Hinge', quantity: 2, price: 10 },
        { product_id: 'p2', name: 'Handle', quantity: 1, price: 10 },
      ],
    })
    const commands = commandsAfterLoad()

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

    await ga4.track('Signed Up', { method: 'email' })
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([['event', 'sign_up', { method: 'email' }]])
  })

  it('sends nothing for an event that is neither spec nor mapped', async () => {
    const ga4 = await load()

    await ga4.track('Video Played', { title: 'Intro' })
    await ga4.track('Logged In')
    const commands = commandsAfterLoad()

    expect(commands).to.deep.equal([['event', 'login', {}]])
  })
})
