// Ports the cases of Segment's adwords destination test to our destination,
// run against the conversion_async.js stand-in.
import { expect } from 'chai'
import adwords from '../../../../integrations/adwords'
import type { Analytics } from '../../../../src/analytics'
import type { IntegrationFactory } from '../../../../src/integration/types'
import {
  cleanUpDestination,
  loadDestination,
  settle,
  standInUrl,
  vendorCalls,
} from '../harness'

const SCRIPT_URL = 'https://www.googleadservices.com/pagead/conversion_async.js'
const CONVERSION_ID = 978352801

const SIGNUP = '-kGkCJ_TsgcQofXB0gM'
const LOGIN = 'QbThCM_zogcQofXB0gM'

function mapping(eventName: string, label: string, extra = {}) {
  return {
    key: eventName,
    value: { eventName, label, conversionId: '', remarketing: false, ...extra },
  }
}

const SETTINGS = {
  conversionId: CONVERSION_ID,
  eventMappings: [
    mapping('signup', SIGNUP),
    mapping('login', LOGIN),
    mapping('play', 'b91fc77f'),
  ],
  pageRemarketing: false,
}

const factory = adwords as unknown as IntegrationFactory<never>

function load(overrides: Record<string, unknown> = {}): Promise<Analytics> {
  return loadDestination(factory, {
    settings: { ...SETTINGS, ...overrides },
    standIns: { [SCRIPT_URL]: 'google-conversion-async.js' },
  })
}

/** Waits for `count` google_trackConversion calls, then a little longer. */
async function conversionCalls(count: number): Promise<unknown[]> {
  const deadline = Date.now() + 1000
  while (vendorCalls('adwords').length < count && Date.now() < deadline) {
    await settle(10)
  }
  await settle()
  return vendorCalls('adwords').map((call) => call.args[0])
}

function conversionTag(label: string, value: number, params = {}) {
  return {
    google_conversion_id: CONVERSION_ID,
    google_custom_params: params,
    google_conversion_language: 'en',
    google_conversion_format: '3',
    google_conversion_color: 'ffffff',
    google_conversion_label: label,
    google_conversion_value: value,
    google_remarketing_only: false,
  }
}

afterEach(() => {
  cleanUpDestination(['google_trackConversion'])
})

describe('AdWords: loading', () => {
  it('loads conversion_async.js and is ready once it defines google_trackConversion', async () => {
    const requested: string[] = []

    const analytics = await loadDestination(factory, {
      settings: SETTINGS,
      standIns: {},
      loadOptions: {
        vendorScriptUrl: (url) => {
          requested.push(url)
          return standInUrl('google-conversion-async.js')
        },
      },
    })

    expect(requested).to.deep.equal([SCRIPT_URL])
    expect(analytics.destinationStatus().AdWords).to.equal('ready')
  })

  it('fails when the script is blocked', async () => {
    const analytics = await loadDestination(factory, {
      settings: SETTINGS,
      standIns: { [SCRIPT_URL]: 'missing-conversion-async.js' },
    })

    expect(analytics.destinationStatus().AdWords).to.equal('failed')
  })
})

describe('AdWords: page', () => {
  it('sends a conversion tag without remarketing when pageRemarketing is off', async () => {
    const analytics = await load()

    analytics.page()
    const calls = await conversionCalls(1)

    expect(calls).to.deep.equal([
      {
        google_conversion_id: CONVERSION_ID,
        google_custom_params: {},
        google_remarketing_only: false,
      },
    ])
  })

  it('adds a remarketing tag with the page properties when pageRemarketing is on', async () => {
    const analytics = await load({ pageRemarketing: true })

    analytics.page()
    const calls = await conversionCalls(2)

    expect(calls).to.deep.equal([
      {
        google_conversion_id: CONVERSION_ID,
        google_custom_params: {},
        google_remarketing_only: false,
      },
      {
        google_conversion_id: CONVERSION_ID,
        google_custom_params: {
          path: location.pathname,
          referrer: document.referrer,
          search: location.search,
          title: document.title,
          url: location.href.replace(/#.*$/, ''),
        },
        google_remarketing_only: true,
      },
    ])
  })
})

describe('AdWords: track', () => {
  it('sends nothing for an event no mapping names', async () => {
    const analytics = await load()

    analytics.track('toString', {})
    analytics.track('play')
    const calls = await conversionCalls(1)

    expect(calls).to.deep.equal([conversionTag('b91fc77f', 0)])
  })

  it('sends the conversion tag of a mapped event', async () => {
    const analytics = await load()

    analytics.track('signup', {})
    const calls = await conversionCalls(1)

    expect(calls).to.deep.equal([conversionTag(SIGNUP, 0)])
  })

  it('sends one conversion tag per mapping, each with its own conversion ID', async () => {
    const analytics = await load({
      eventMappings: [
        mapping('signup', SIGNUP, { conversionId: 431 }),
        mapping('signup', LOGIN, { conversionId: 23 }),
      ],
    })

    analytics.track('signup', {})
    const calls = await conversionCalls(2)

    expect(calls).to.deep.equal([
      { ...conversionTag(SIGNUP, 0), google_conversion_id: 431 },
      { ...conversionTag(LOGIN, 0), google_conversion_id: 23 },
    ])
  })

  it('sends only a remarketing tag, revenue included, for a mapping without a label', async () => {
    const analytics = await load({
      eventMappings: [
        {
          value: {
            eventName: 'danny mcbride is funny',
            conversionId: 4879235,
            remarketing: true,
            label: '',
          },
        },
      ],
    })

    analytics.track('danny mcbride is funny', { revenue: 90 })
    const calls = await conversionCalls(1)

    expect(calls).to.deep.equal([
      {
        google_conversion_id: 4879235,
        google_custom_params: { revenue: 90 },
        google_remarketing_only: true,
      },
    ])
  })

  it('sends revenue as the conversion value', async () => {
    const analytics = await load()

    analytics.track('login', { revenue: 90 })
    const calls = await conversionCalls(1)

    expect(calls).to.deep.equal([conversionTag(LOGIN, 90)])
  })

  it('ignores the old remarketing setting: a conversion tag stays a conversion tag', async () => {
    const analytics = await load({ remarketing: true })

    analytics.track('login', { revenue: 90 })
    const calls = await conversionCalls(1)

    expect(calls).to.deep.equal([conversionTag(LOGIN, 90)])
  })

  it('sends only the conversion tag when the mapping has remarketing off', async () => {
    const analytics = await load({ remarketing: false })

    analytics.track('login', { revenue: 90 })
    const calls = await conversionCalls(1)

    expect(calls).to.deep.equal([conversionTag(LOGIN, 90)])
  })

  it('falls back to the destination conversion ID for a remarketing-only mapping', async () => {
    const analytics = await load({
      eventMappings: [
        {
          value: {
            eventName: 'danny mcbride is funny',
            conversionId: '',
            remarketing: true,
            label: '',
          },
        },
      ],
    })

    analytics.track('danny mcbride is funny', { revenue: 90 })
    const calls = await conversionCalls(1)

    expect(calls).to.deep.equal([
      {
        google_conversion_id: CONVERSION_ID,
        google_custom_params: { revenue: 90 },
        google_remarketing_only: true,
      },
    ])
  })

  it('sends both tags without revenue in params', async () => {
    const analytics = await load({
      eventMappings: [mapping('login', LOGIN, { remarketing: true })],
    })

    analytics.track('login', { revenue: 90, hello: 'foo' })
    const calls = await conversionCalls(2)

    expect(calls).to.deep.equal([
      conversionTag(LOGIN, 90, { hello: 'foo' }),
      {
        google_conversion_id: CONVERSION_ID,
        google_custom_params: { hello: 'foo' },
        google_remarketing_only: true,
      },
    ])
  })

  it('matches the event name ignoring case and separators', async () => {
    const analytics = await load({
      eventMappings: [mapping('Order Completed', 'order-label')],
    })

    analytics.track('order_completed', { total: 30 })
    const calls = await conversionCalls(1)

    expect(calls).to.deep.equal([
      conversionTag('order-label', 30, { total: 30 }),
    ])
  })
})
