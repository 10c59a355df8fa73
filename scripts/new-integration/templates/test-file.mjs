// Writes test/unit/integrations/<slug>/destination.test.ts: one case per
// call type, each asserting the exact calls the vendor global receives,
// through the public test kit and a stand-in made by defineStandIn.
import { toSource } from '../source.mjs'
import { VENDOR_METHODS } from '../spec.mjs'

/**
 * Identifiers the generated test declares or imports. The destination's
 * import name must differ from each of them.
 */
export const TEST_IDENTIFIERS = [
  'expect',
  'sinon',
  'DestinationError',
  'defineStandIn',
  'loadDestination',
  'DestinationTest',
  'SDK_URL',
  'API_KEY',
  'running',
  'load',
  'vendorArgs',
  'destination',
]

export function testSource({ names, identifiers, vendor, options }) {
  const importName = identifiers.importName
  const standIn = `${names.camel}StandIn`
  const global = vendor.global
  return `import { expect } from 'chai'
import sinon from 'sinon'
import ${importName} from '../../../../integrations/${names.slug}'
import { DestinationError } from '../../../../src/errors'
import {
  defineStandIn,
  loadDestination,
  type DestinationTest,
} from '../../../../src/testing'

/** The placeholder script URL of integrations/${names.slug}/index.ts. */
const SDK_URL = ${toSource(vendor.sdkUrl)}
const API_KEY = ${toSource(vendor.exampleKey)}

/**
 * Stands in for the vendor's script: defines \`window.${global}\` and records
 * each call it receives as \`[method, ...args]\`.
 * TODO: give it the methods of the vendor's real API.
 */
function ${standIn}() {
  return defineStandIn({
    vendor: ${toSource(names.slug)},
    urls: [SDK_URL],
    globals: [${toSource(global)}],
    install({ page, record }) {
      const methods = ${toSource(VENDOR_METHODS)}
      page.${global} = Object.fromEntries(
        methods.map((method) => [
          method,
          (...args: unknown[]) => record([method, ...args]),
        ]),
      )
    },
  })
}

let running: DestinationTest | undefined

async function load(
  settings: Record<string, unknown> = { apiKey: API_KEY },
): Promise<DestinationTest> {
  running = await loadDestination(${importName}, {
    settings,
    standIns: [${standIn}()],
  })
  return running
}

/** Returns the arguments of each vendor call recorded so far. */
function vendorArgs(): unknown[][] {
  return (running?.vendorCalls(${toSource(names.slug)}) ?? []).map(
    (call) => call.args,
  )
}

describe(${toSource(`the ${names.name} destination`)}, () => {
  beforeEach(() => {
    // The core reports a failed load on the console; these tests read the
    // same error from the test kit.
    sinon.stub(console, 'error')
    sinon.stub(console, 'warn')
  })

  afterEach(() => {
    sinon.restore()
    running?.dispose()
    running = undefined
  })

  it('loads the script and calls init', async () => {
    const destination = await load()

    expect(destination.status()).to.equal('ready')
    expect(destination.vendorRequests()).to.deep.equal([
      { element: 'script', url: SDK_URL },
    ])
    expect(vendorArgs()).to.deep.equal([['init', API_KEY]])
  })

  it('sends a track call', async () => {
    const destination = await load()

    await destination.track('Signed Up', { plan: 'pro' })

    expect(vendorArgs()).to.deep.equal([
      ['init', API_KEY],
      ['track', 'Signed Up', { plan: 'pro' }],
    ])
  })

  it('sends a page call', async () => {
    const destination = await load()

    await destination.page('Docs', 'Home', { section: 'guides' })

    expect(vendorArgs()).to.deep.equal([
      ['init', API_KEY],
      [
        'page',
        'Docs Home',
        {
          section: 'guides',
          category: 'Docs',
          name: 'Home',
          path: '/',
          referrer: '',
          search: '',
          title: '',
          url: 'http://shop.example.test/',
        },
      ],
    ])
  })

  it('skips page calls when trackPages is off', async () => {
    const destination = await load({ apiKey: API_KEY, trackPages: false })

    await destination.page('Home')

    expect(vendorArgs()).to.deep.equal([['init', API_KEY]])
  })

  it('sends a screen call', async () => {
    const destination = await load()

    await destination.screen('Home', { tab: 'feed' })

    expect(vendorArgs()).to.deep.equal([
      ['init', API_KEY],
      ['screen', 'Home', { tab: 'feed', name: 'Home' }],
    ])
  })

  it('sends an identify call', async () => {
    const destination = await load()

    await destination.identify('u-1', { email: 'ana@example.test' })

    expect(vendorArgs()).to.deep.equal([
      ['init', API_KEY],
      ['identify', 'u-1', { email: 'ana@example.test', id: 'u-1' }],
    ])
  })

  it('sends a group call', async () => {
    const destination = await load()

    await destination.group('g-1', { plan: 'team' })

    expect(vendorArgs()).to.deep.equal([
      ['init', API_KEY],
      ['group', 'g-1', { plan: 'team', id: 'g-1' }],
    ])
  })

  it('sends an alias call', async () => {
    const destination = await load()

    await destination.alias('u-2', 'u-1')

    expect(vendorArgs()).to.deep.equal([
      ['init', API_KEY],
      ['alias', 'u-2', 'u-1'],
    ])
  })

  it('fails without the required apiKey', async () => {
    const destination = await load({})

    const error = destination.loadError

    expect(destination.status()).to.equal('failed')
    expect(error).to.be.instanceOf(DestinationError)
    expect(error?.message).to.contain(
      ${toSource(`${names.name}: option "apiKey" is missing`)},
    )
    expect(destination.vendorRequests()).to.deep.equal([])
  })

  it('rejects an apiKey that fails its pattern', async () => {
    const destination = await load({ apiKey: 'key"><script>' })

    expect(destination.status()).to.equal('failed')
    expect(destination.loadError?.message).to.contain(
      ${toSource(`option "apiKey" must match ${options.apiKey.pattern}`)},
    )
    expect(destination.vendorRequests()).to.deep.equal([])
  })
})
`
}
