import { expect } from 'chai'
import googleAnalytics4, {
  type GoogleAnalytics4Options,
} from '../../../../integrations/google-analytics-4'
import {
  resetLoadedScripts,
  setVendorUrlRewrite,
} from '../../../../src/integration/loader'
import type { PluginContext } from '../../../../src/integration/types'

const scope = globalThis as unknown as { ga4DataLayer?: unknown[] }

let requested: string[] = []

/**
 * Loads the destination with every vendor URL recorded and then refused by
 * the loader, so no script tag is inserted, and returns the load error.
 */
async function loadFailure(options: unknown): Promise<Error> {
  setVendorUrlRewrite((url) => {
    requested.push(url)
    return 'about:blank'
  })
  const plugin = googleAnalytics4(options as GoogleAnalytics4Options)
  try {
    await plugin.load({} as PluginContext, undefined)
  } catch (error) {
    return error as Error
  }
  throw new Error('load settled without gtag.js')
}

afterEach(() => {
  requested = []
  setVendorUrlRewrite(undefined)
  resetLoadedScripts()
  delete scope.ga4DataLayer
})

describe('Google Analytics 4 options', () => {
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

  it('rejects measurement IDs that are not strings, naming the value', async () => {
    const error = await loadFailure({ measurementIds: ['G-1', 2] })

    expect(error.message).to.equal(
      'Google Analytics 4: option "measurementIds" must be an array of measurement IDs such as "G-XXXXXXX", received ["G-1",2].',
    )
    expect(requested).to.deep.equal([])
    expect(scope.ga4DataLayer).to.equal(undefined)
  })

  it('encodes the measurement ID in the script URL', async () => {
    await loadFailure({ measurementIds: [' G-1&l=x '] })

    expect(requested).to.deep.equal([
      'https://www.googletagmanager.com/gtag/js?id=G-1%26l%3Dx&l=ga4DataLayer',
    ])
  })
})
