import { expect } from 'chai'
import googleAds, {
  type GoogleAdsOptions,
} from '../../../../integrations/google-ads'
import { installGtag } from '../../../../integrations/google-ads/gtag'
import {
  resetLoadedScripts,
  setVendorUrlRewrite,
} from '../../../../src/integration/loader'
import { validateOptions } from '../../../../src/integration/schema'
import type { PluginContext } from '../../../../src/integration/types'

interface GtagWindow {
  dataLayer?: unknown[]
  gtag?: (...args: unknown[]) => void
}

const scope = globalThis as unknown as GtagWindow

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
  const plugin = googleAds(options as GoogleAdsOptions)
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
  delete scope.dataLayer
  delete scope.gtag
})

describe('Google AdWords New options', () => {
  it('fills Segment defaults', () => {
    const { options, errors } = validateOptions(
      'Google AdWords New',
      googleAds.schema,
      { accountId: 'AW-1' },
    )

    expect(errors).to.deep.equal([])
    expect(options).to.deep.equal({
      accountId: 'AW-1',
      sendPageView: true,
      conversionLinker: true,
      clickConversions: [],
      pageLoadConversions: [],
      defaultPageConversion: '',
      disableAdPersonalization: false,
      floodlightAccountId: '',
    })
  })

  it('fails to load with an error naming the option, type and value', async () => {
    const error = await loadFailure({ accountId: 'AW-1', sendPageView: 'yes' })

    expect(error.message).to.contain('Google AdWords New')
    expect(error.message).to.contain(
      'option "sendPageView" must be a boolean, received "yes"',
    )
    expect(scope.dataLayer).to.equal(undefined)
    expect(requested).to.deep.equal([])
  })

  it('requires accountId', async () => {
    const error = await loadFailure({})

    expect(error.message).to.match(/option "accountId" is missing/)
  })
})

describe('Google AdWords New stub', () => {
  it('queues the setup commands before gtag.js arrives', async () => {
    const error = await loadFailure({
      accountId: 'AW-1',
      floodlightAccountId: 'DC-2',
      disableAdPersonalization: true,
    })

    const commands = (scope.dataLayer ?? []).map((entry) =>
      Array.from(entry as IArguments),
    )

    expect(error.message).to.match(/Refusing to load/)
    expect(commands.map((args) => args[0])).to.deep.equal([
      'js',
      'set',
      'config',
      'config',
    ])
    expect(commands.slice(1)).to.deep.equal([
      ['set', 'allow_ad_personalization_signals', false],
      ['config', 'DC-2', {}],
      ['config', 'AW-1', {}],
    ])
  })

  it('pushes arguments objects, as gtag.js expects', () => {
    installGtag()

    scope.gtag?.('event', 'x')

    const entry = scope.dataLayer?.[0]
    expect(Object.prototype.toString.call(entry)).to.equal('[object Arguments]')
  })

  it('keeps a data layer and gtag the page already has', () => {
    const existing: unknown[] = [{ event: 'gtm.js' }]
    const calls: unknown[][] = []
    scope.dataLayer = existing
    scope.gtag = (...args: unknown[]) => calls.push(args)

    installGtag()
    scope.gtag('event', 'x')

    expect(scope.dataLayer).to.equal(existing)
    expect(calls).to.deep.equal([['event', 'x']])
  })

  it('encodes the account ID in the script URL', async () => {
    await loadFailure({ accountId: 'AW-1&l=x' })

    expect(requested).to.deep.equal([
      'https://www.googletagmanager.com/gtag/js?id=AW-1%26l%3Dx',
    ])
  })
})
