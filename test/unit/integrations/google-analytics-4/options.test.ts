import { expect } from 'chai'
import sinon from 'sinon'
import googleAnalytics4, {
  type GoogleAnalytics4Options,
} from '../../../../integrations/google-analytics-4'
import {
  gtagStandIn,
  loadDestination,
  type DestinationTest,
} from '../../../../src/testing'

const scope = globalThis as unknown as { ga4DataLayer?: unknown[] }

let current: DestinationTest | undefined

/**
 * Loads the destination through the test kit with no stand-in, so the kit
 * rejects gtag.js and no script tag is inserted, and returns the load error.
 */
async function loadFailure(options: Record<string, unknown>): Promise<Error> {
  current = await loadDestination(googleAnalytics4, {
    settings: options,
    standIns: [],
  })
  if (current.loadError) return current.loadError
  throw new Error('load settled without gtag.js')
}

/** Returns every URL the destination asked the loader for. */
function requested(): string[] {
  return (current?.vendorRequests() ?? []).map((request) => request.url)
}

describe('Google Analytics 4 options', () => {
  beforeEach(() => {
    // The core reports the failed load on the console; these tests read the
    // same error from the test kit.
    sinon.stub(console, 'error')
    sinon.stub(console, 'warn')
  })

  afterEach(() => {
    sinon.restore()
    current?.dispose()
    current = undefined
    delete scope.ga4DataLayer
  })

  it("has Segment's catalogue name and defaults", () => {
    const defaults = Object.fromEntries(
      Object.entries(googleAnalytics4.schema).map(([name, spec]) => [
        name,
        'default' in spec ? spec.default : undefined,
      ]),
    )

    expect(googleAnalytics4.integrationName).to.equal('Google Analytics 4')
    expect(defaults).to.deep.equal({
      measurementIds: undefined,
      cookieDomainName: 'auto',
      cookiePrefix: '_ga',
      cookieExpiration: 63072000,
      cookieUpdate: true,
      cookieFlags: '',
      sendAutomaticPageViewEvent: false,
      allowAllAdvertisingFeatures: false,
      allowAdvertisingPersonalization: false,
      disableGoogleAnalytics: false,
      googleReportingIdentity: 'device',
      userProperties: {},
      customEventsAndParameters: [],
    })
  })

  it('types the options of the factory', () => {
    const valid: GoogleAnalytics4Options = {
      measurementIds: ['G-1'],
      cookieExpiration: 60,
    }
    // @ts-expect-error measurementIds is required
    const missing: GoogleAnalytics4Options = { cookiePrefix: 'x' }
    const wrong: GoogleAnalytics4Options = {
      measurementIds: ['G-1'],
      // @ts-expect-error cookieUpdate is a boolean
      cookieUpdate: 'no',
    }

    expect(googleAnalytics4(valid).name).to.equal('Google Analytics 4')
    expect([missing, wrong]).to.have.length(2)
  })

  it('quotes the description when measurement IDs are missing', async () => {
    const error = await loadFailure({})

    expect(error.message).to.equal(
      'Google Analytics 4: option "measurementIds" is missing; it must be an array (Measurement IDs (G-XXXXXXX) of the web streams; gtag.js loads with the first, and each is configured alike.).',
    )
    expect(requested()).to.deep.equal([])
  })

  it('rejects measurement IDs that are not strings, naming the value', async () => {
    const error = await loadFailure({ measurementIds: ['G-1', 2] })

    expect(error.message).to.equal(
      'Google Analytics 4: option "measurementIds" must be an array of measurement IDs such as "G-XXXXXXX", received ["G-1",2].',
    )
    expect(requested()).to.deep.equal([])
    expect(scope.ga4DataLayer).to.equal(undefined)
  })

  it('keeps a hostile measurement ID out of the script URL', async () => {
    // The option's pattern rejects the ID before any URL is built.
    const error = await loadFailure({ measurementIds: [' G-1&l=x '] })

    expect(error.message).to.contain('option "measurementIds" must match')
    expect(error.message).to.contain('received " G-1&l=x "')
    expect(requested()).to.deep.equal([])
  })

  it('puts the trimmed measurement ID in the script URL', async () => {
    current = await loadDestination(googleAnalytics4, {
      settings: { measurementIds: [' G-1 '] },
      standIns: [gtagStandIn()],
    })

    expect(current.status()).to.equal('ready')
    expect(requested()).to.deep.equal([
      'https://www.googletagmanager.com/gtag/js?id=G-1&l=ga4DataLayer',
    ])
  })
})
