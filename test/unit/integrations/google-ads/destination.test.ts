import { expect } from 'chai'
import sinon from 'sinon'
import googleAds from '../../../../integrations/google-ads'
import { installGtag } from '../../../../integrations/google-ads/gtag'
import { validateOptions } from '../../../../src/integration/schema'
import {
  gtagStandIn,
  loadDestination,
  type DestinationTest,
} from '../../../../src/testing'

interface GtagWindow {
  dataLayer?: unknown[]
  gtag?: (...args: unknown[]) => void
}

const scope = globalThis as unknown as GtagWindow

let current: DestinationTest | undefined

/**
 * Loads the destination through the test kit with no stand-in, so the kit
 * rejects gtag.js and no script tag is inserted, and returns the load error.
 */
async function loadFailure(options: Record<string, unknown>): Promise<Error> {
  current = await loadDestination(googleAds, {
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

/** Stubs the console and disposes the destination test, around each test. */
function useTestKit(): void {
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
    delete scope.dataLayer
    delete scope.gtag
  })
}

describe('Google AdWords New options', () => {
  useTestKit()

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
    expect(requested()).to.deep.equal([])
  })

  it('requires accountId', async () => {
    const error = await loadFailure({})

    expect(error.message).to.match(/option "accountId" is missing/)
  })
})

describe('Google AdWords New stub', () => {
  useTestKit()

  it('queues the setup commands before gtag.js arrives', async () => {
    const error = await loadFailure({
      accountId: 'AW-1',
      floodlightAccountId: 'DC-2',
      disableAdPersonalization: true,
    })

    const commands = (scope.dataLayer ?? []).map((entry) =>
      Array.from(entry as IArguments),
    )

    expect(error.message).to.match(/^No stand-in matches the script /)
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

  it('keeps a hostile account ID out of the script URL', async () => {
    // The option's pattern rejects the ID before any URL is built.
    const error = await loadFailure({ accountId: 'AW-1&l=x' })

    expect(error.message).to.contain('option "accountId" must match')
    expect(error.message).to.contain('received "AW-1&l=x"')
    expect(requested()).to.deep.equal([])
  })

  it('puts the account ID in the script URL', async () => {
    current = await loadDestination(googleAds, {
      settings: { accountId: 'AW-1' },
      standIns: [gtagStandIn()],
    })

    expect(current.status()).to.equal('ready')
    expect(requested()).to.deep.equal([
      'https://www.googletagmanager.com/gtag/js?id=AW-1',
    ])
  })
})
