// Ports the cases of Segment's adwords destination test to our destination,
// run through the test kit with its conversion_async.js stand-in.
import { expect } from 'chai'
import adwords from '../../../../integrations/adwords'
import {
  adwordsStandIn,
  loadDestination,
  type DestinationTest,
} from '../../../../src/testing'
import { standInUrl } from '../served-stand-ins'

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

let current: DestinationTest | undefined

async function load(
  overrides: Record<string, unknown> = {},
): Promise<DestinationTest> {
  current = await loadDestination(adwords, {
    settings: { ...SETTINGS, ...overrides },
    standIns: [adwordsStandIn()],
  })
  return current
}

/** Returns the parameters of every google_trackConversion call so far. */
function conversionCalls(): unknown[] {
  return (current?.vendorCalls('adwords') ?? []).map((call) => call.args[0])
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
  current?.dispose()
  current = undefined
})

describe('AdWords: loading', () => {
  it('loads conversion_async.js and is ready once it defines google_trackConversion', async () => {
    const requested: string[] = []

    current = await loadDestination(adwords, {
      settings: SETTINGS,
      loadOptions: {
        vendorScriptUrl: (url) => {
          requested.push(url)
          return standInUrl('google-conversion-async.js')
        },
      },
    })

    expect(requested).to.deep.equal([SCRIPT_URL])
    expect(current.analytics.destinationStatus().AdWords).to.equal('ready')
  })

  it('fails when the script is blocked', async () => {
    current = await loadDestination(adwords, {
      settings: SETTINGS,
      loadOptions: {
        vendorScriptUrl: {
          [SCRIPT_URL]: standInUrl('missing-conversion-async.js'),
        },
      },
    })

    expect(current.analytics.destinationStatus().AdWords).to.equal('failed')
  })
})

describe('AdWords: page', () => {
  it('sends a conversion tag without remarketing when pageRemarketing is off', async () => {
    const destination = await load()

    await destination.page()
    const calls = conversionCalls()

    expect(calls).to.deep.equal([
      {
        google_conversion_id: CONVERSION_ID,
        google_custom_params: {},
        google_remarketing_only: false,
      },
    ])
  })

  it('adds a remarketing tag with the page properties when pageRemarketing is on', async () => {
    const destination = await load({ pageRemarketing: true })

    await destination.page()
    const calls = conversionCalls()

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
    const destination = await load()

    await destination.track('toString', {})
    await destination.track('play')
    const calls = conversionCalls()

    expect(calls).to.deep.equal([conversionTag('b91fc77f', 0)])
  })

  it('sends the conversion tag of a mapped event', async () => {
    const destination = await load()

    await destination.track('signup', {})
    const calls = conversionCalls()

    expect(calls).to.deep.equal([conversionTag(SIGNUP, 0)])
  })

  it('sends one conversion tag per mapping, each with its own conversion ID', async () => {
    const destination = await load({
      eventMappings: [
        mapping('signup', SIGNUP, { conversionId: 431 }),
        mapping('signup', LOGIN, { conversionId: 23 }),
      ],
    })

    await destination.track('signup', {})
    const calls = conversionCalls()

    expect(calls).to.deep.equal([
      { ...conversionTag(SIGNUP, 0), google_conversion_id: 431 },
      { ...conversionTag(LOGIN, 0), google_conversion_id: 23 },
    ])
  })

  it('sends only a remarketing tag, revenue included, for a mapping without a label', async () => {
    const destination = await load({
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

    await destination.track('danny mcbride is funny', { revenue: 90 })
    const calls = conversionCalls()

    expect(calls).to.deep.equal([
      {
        google_conversion_id: 4879235,
        google_custom_params: { revenue: 90 },
        google_remarketing_only: true,
      },
    ])
  })

  it('sends revenue as the conversion value', async () => {
    const destination = await load()

    await destination.track('login', { revenue: 90 })
    const calls = conversionCalls()

    expect(calls).to.deep.equal([conversionTag(LOGIN, 90)])
  })

  it('ignores the old remarketing setting: a conversion tag stays a conversion tag', async () => {
    const destination = await load({ remarketing: true })

    await destination.track('login', { revenue: 90 })
    const calls = conversionCalls()

    expect(calls).to.deep.equal([conversionTag(LOGIN, 90)])
  })

  it('sends only the conversion tag when the mapping has remarketing off', async () => {
    const destination = await load({ remarketing: false })

    await destination.track('login', { revenue: 90 })
    const calls = conversionCalls()

    expect(calls).to.deep.equal([conversionTag(LOGIN, 90)])
  })

  it('falls back to the destination conversion ID for a remarketing-only mapping', async () => {
    const destination = await load({
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

    await destination.track('danny mcbride is funny', { revenue: 90 })
    const calls = conversionCalls()

    expect(calls).to.deep.equal([
      {
        google_conversion_id: CONVERSION_ID,
        google_custom_params: { revenue: 90 },
        google_remarketing_only: true,
      },
    ])
  })

  it('sends both tags without revenue in params', async () => {
    const destination = await load({
      eventMappings: [mapping('login', LOGIN, { remarketing: true })],
    })

    await destination.track('login', { revenue: 90, hello: 'foo' })
    const calls = conversionCalls()

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
    const destination = await load({
      eventMappings: [mapping('Order Completed', 'order-label')],
    })

    await destination.track('order_completed', { total: 30 })
    const calls = conversionCalls()

    expect(calls).to.deep.equal([
      conversionTag('order-label', 30, { total: 30 }),
    ])
  })
})
