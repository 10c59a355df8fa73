// Ports the cases of Segment's google-adwords-new destination test to our
// destination, run through the test kit with its gtag.js stand-in.
import { expect } from 'chai'
import googleAds from '../../../../integrations/google-ads'
import {
  gtagStandIn,
  loadDestination,
  type DestinationTest,
} from '../../../../src/testing'
import { standInUrl } from '../served-stand-ins'

const GTAG_URL = 'https://www.googletagmanager.com/gtag/js'
const ACCOUNT = 'AW-984542038'
const OTHER_ACCOUNT = 'AW-984293029'

const SETTINGS = {
  accountId: ACCOUNT,
  sendPageView: true,
  conversionLinker: true,
  clickConversions: [
    {
      value: {
        event: 'Order completed',
        id: 'hNDoCJ6Yt3gQ1ta71QM',
        accountId: '',
      },
    },
    {
      value: { event: 'Order completed', id: 'ljkhsdfkjlhsdfj', accountId: '' },
    },
    { value: { event: 'signup', id: 'eAZJCICuz3gQ1ta71QM', accountId: '' } },
    {
      value: {
        event: 'login',
        id: 'eAZJCICuz3gQ1talksd',
        accountId: OTHER_ACCOUNT,
      },
    },
  ],
  pageLoadConversions: [
    { value: { event: 'Landing', id: '80mjCKaqz3gQ1ta71QM', accountId: '' } },
    { value: { event: 'Landing', id: 'kajsd98sdf098sjf', accountId: '' } },
    {
      value: {
        event: 'purchase',
        id: 'hNDoCJ6Yt3gQ1ta71QM',
        accountId: OTHER_ACCOUNT,
      },
    },
  ],
  defaultPageConversion: 'qnCxCOvxq18Q1ta71QM',
}

let current: DestinationTest | undefined

async function load(
  overrides: Record<string, unknown> = {},
): Promise<DestinationTest> {
  current = await loadDestination(googleAds, {
    settings: { ...SETTINGS, ...overrides },
    standIns: [gtagStandIn()],
  })
  return current
}

/** Returns the arguments of every gtag command the stand-in received. */
function gtagCalls(): unknown[][] {
  return (current?.vendorCalls('gtag') ?? []).map((call) => call.args)
}

/** Returns every `event` command so far. */
function eventsAfterLoad(): unknown[][] {
  return gtagCalls().filter((args) => args[0] === 'event')
}

/** Returns the page properties the core adds to every page call. */
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
  current?.dispose()
  current = undefined
})

describe('Google AdWords New: loading', () => {
  it('requests gtag.js for the account ID', async () => {
    const requested: string[] = []

    current = await loadDestination(googleAds, {
      settings: SETTINGS,
      loadOptions: {
        vendorScriptUrl: (url) => {
          requested.push(url)
          return standInUrl('gtag.js')
        },
      },
    })

    expect(requested).to.deep.equal([`${GTAG_URL}?id=AW-984542038`])
    expect(
      current.analytics.destinationStatus()['Google AdWords New'],
    ).to.equal('ready')
  })

  it('configures the account once gtag.js has loaded', async () => {
    await load()

    const calls = gtagCalls()

    expect(calls).to.have.length(2)
    expect(calls[0]?.[0]).to.equal('js')
    expect(calls[0]?.[1]).to.be.instanceOf(Date)
    expect(calls[1]).to.deep.equal(['config', ACCOUNT, {}])
  })

  it('turns ad personalization off before any config command', async () => {
    await load({ disableAdPersonalization: true })

    const calls = gtagCalls()

    expect(calls.slice(1)).to.deep.equal([
      ['set', 'allow_ad_personalization_signals', false],
      ['config', ACCOUNT, {}],
    ])
  })

  it('passes send_page_view and conversion_linker when they are off', async () => {
    await load({ sendPageView: false, conversionLinker: false })

    expect(gtagCalls()[1]).to.deep.equal([
      'config',
      ACCOUNT,
      { send_page_view: false, conversion_linker: false },
    ])
  })

  it('configures a Floodlight account before the Ads account', async () => {
    await load({ floodlightAccountId: 'DC-1234567' })

    expect(gtagCalls().slice(1)).to.deep.equal([
      ['config', 'DC-1234567', {}],
      ['config', ACCOUNT, {}],
    ])
  })
})

describe('Google AdWords New: page', () => {
  it('sends the default conversion for an unnamed page', async () => {
    const destination = await load()

    await destination.page()
    const events = eventsAfterLoad()

    expect(events).to.deep.equal([
      [
        'event',
        'conversion',
        { ...pageDefaults(), send_to: `${ACCOUNT}/qnCxCOvxq18Q1ta71QM` },
      ],
    ])
  })

  it('sends every conversion mapped to the page name', async () => {
    const destination = await load()

    await destination.page('landing')
    const events = eventsAfterLoad()

    const properties = { ...pageDefaults(), name: 'landing' }
    expect(events).to.deep.equal([
      [
        'event',
        'landing',
        { ...properties, send_to: `${ACCOUNT}/80mjCKaqz3gQ1ta71QM` },
      ],
      [
        'event',
        'landing',
        { ...properties, send_to: `${ACCOUNT}/kajsd98sdf098sjf` },
      ],
    ])
  })

  it('sends to the account a page conversion names', async () => {
    const destination = await load()

    await destination.page('purchase')
    const events = eventsAfterLoad()

    expect(events).to.deep.equal([
      [
        'event',
        'purchase',
        {
          ...pageDefaults(),
          name: 'purchase',
          send_to: `${OTHER_ACCOUNT}/hNDoCJ6Yt3gQ1ta71QM`,
        },
      ],
    ])
  })

  it('adds value, currency and transaction_id from the call options', async () => {
    const destination = await load()

    await destination.page(
      {},
      {
        integrations: {
          'Google AdWords New': {
            value: 2,
            currency: 'USD',
            orderId: 'demodog-dart',
          },
        },
      },
    )
    const events = eventsAfterLoad()

    expect(events).to.deep.equal([
      [
        'event',
        'conversion',
        {
          ...pageDefaults(),
          send_to: `${ACCOUNT}/qnCxCOvxq18Q1ta71QM`,
          value: 2,
          currency: 'USD',
          transaction_id: 'demodog-dart',
        },
      ],
    ])
  })

  it('reads those options from a top-level key, as classic analytics.js did', async () => {
    const destination = await load()

    await destination.page(
      {},
      { 'Google AdWords New': { value: 5, order_id: 'o-7' } },
    )
    const events = eventsAfterLoad()

    expect(events[0]?.[2]).to.deep.equal({
      ...pageDefaults(),
      send_to: `${ACCOUNT}/qnCxCOvxq18Q1ta71QM`,
      value: 5,
      transaction_id: 'o-7',
    })
  })

  it('sends nothing for a named page that no conversion maps', async () => {
    const destination = await load()

    await destination.page('Pricing')
    await destination.page('Landing')
    const events = eventsAfterLoad()

    expect(events.map((args) => args[1])).to.deep.equal(['Landing', 'Landing'])
  })
})

describe('Google AdWords New: track', () => {
  it('sends a mapped event with its properties', async () => {
    const destination = await load()

    await destination.track('signup', { value: 10 })
    const events = eventsAfterLoad()

    expect(events).to.deep.equal([
      [
        'event',
        'signup',
        { send_to: `${ACCOUNT}/eAZJCICuz3gQ1ta71QM`, value: 10 },
      ],
    ])
  })

  it('sends revenue as value and the order ID as transaction_id for Order Completed', async () => {
    const destination = await load()

    await destination.track('order completed', {
      order_id: 'totally-tubular',
      revenue: 25,
    })
    const events = eventsAfterLoad()

    expect(events).to.deep.equal([
      [
        'event',
        'order completed',
        {
          send_to: `${ACCOUNT}/hNDoCJ6Yt3gQ1ta71QM`,
          value: 25,
          transaction_id: 'totally-tubular',
        },
      ],
      [
        'event',
        'order completed',
        {
          send_to: `${ACCOUNT}/ljkhsdfkjlhsdfj`,
          value: 25,
          transaction_id: 'totally-tubular',
        },
      ],
    ])
  })

  it('sends to the account a click conversion names', async () => {
    const destination = await load()

    await destination.track('Login')
    const events = eventsAfterLoad()

    expect(events).to.deep.equal([
      ['event', 'Login', { send_to: `${OTHER_ACCOUNT}/eAZJCICuz3gQ1talksd` }],
    ])
  })

  it('sends nothing for an event that no conversion maps', async () => {
    const destination = await load()

    await destination.track('Signed Up')
    await destination.track('signup')
    const events = eventsAfterLoad()

    expect(events.map((args) => args[1])).to.deep.equal(['signup'])
  })
})

describe('Google AdWords New: a blocked gtag.js', () => {
  it('marks the destination failed and keeps the queued commands', async () => {
    current = await loadDestination(googleAds, {
      settings: SETTINGS,
      loadOptions: {
        vendorScriptUrl: (url) =>
          url.startsWith(GTAG_URL) ? standInUrl('missing-gtag.js', url) : url,
      },
    })

    const layer = (window as unknown as { dataLayer: IArguments[] }).dataLayer

    expect(
      current.analytics.destinationStatus()['Google AdWords New'],
    ).to.equal('failed')
    expect(layer.map((entry) => Array.from(entry)[0])).to.deep.equal([
      'js',
      'config',
    ])
  })
})
