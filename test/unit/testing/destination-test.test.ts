import { expect } from 'chai'
import sinon from 'sinon'
import facebookPixel from '../../../integrations/facebook-pixel'
import googleTagManager from '../../../integrations/google-tag-manager'
import retentionScience from '../../../integrations/retention-science'
import { resetReportedCauses } from '../../../src/debug'
import { defineIntegration } from '../../../src/integration/define'
import { loadScript } from '../../../src/integration/loader'
import {
  defineStandIn,
  loadDestination,
  startDestination,
  type DestinationTest,
} from '../../../src/testing'

const ACME_SDK = 'https://cdn.acme.test/sdk.js'

interface AcmeWindow {
  acme?: { send(...args: unknown[]): void }
}

/** A destination that loads Acme's SDK and sends each track call to it. */
const acme = defineIntegration({
  name: 'Acme Metrics',
  options: {
    apiKey: { type: 'string', required: true, description: 'Acme API key.' },
  },
  async load({ options, loadScript }) {
    await loadScript(`${ACME_SDK}?key=${encodeURIComponent(options.apiKey)}`)
  },
  track(track) {
    if (track.event() === 'Explode') throw new Error('Acme exploded')
    ;(window as AcmeWindow).acme?.send(
      'event',
      track.event(),
      track.properties(),
    )
  },
})

/** Records `acme.send(...)`, as Acme's SDK would receive it. */
const acmeStandIn = () =>
  defineStandIn({
    vendor: 'acme',
    urls: [ACME_SDK],
    globals: ['acme'],
    install({ page, params, record }) {
      record(['init', params.get('key')])
      page.acme = { send: (...args: unknown[]) => record(args) }
    },
  })

describe('clickstream-analytics/testing', () => {
  let test: DestinationTest | undefined

  beforeEach(() => {
    // The core reports invalid settings, arguments and throwing destinations
    // on the console; these tests read the same messages from the kit.
    sinon.stub(console, 'error')
    sinon.stub(console, 'warn')
  })

  afterEach(() => {
    sinon.restore()
    test?.dispose()
    test = undefined
    resetReportedCauses()
  })

  async function rejection(promise: Promise<unknown>): Promise<Error> {
    return promise.then(
      () => {
        throw new Error('expected a rejection')
      },
      (error: Error) => error,
    )
  }

  describe('loadDestination', () => {
    it('returns the vendor calls a track made', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      await test.track('Signed Up', { plan: 'pro' })

      expect(test.status()).to.equal('ready')
      expect(test.vendorCalls()).to.deep.equal([
        { vendor: 'acme', args: ['init', 'k-1'] },
        { vendor: 'acme', args: ['event', 'Signed Up', { plan: 'pro' }] },
      ])
    })

    it('records a bundled vendor with its stand-in', async () => {
      // The example of the README's "Testing a destination".
      test = await loadDestination(retentionScience, {
        settings: { siteId: '7' },
      })

      await test.track('Viewed Product', { sku: 'p-1', price: 9 })

      expect(test.vendorCalls().map((call) => call.args)).to.deep.equal([
        ['_setSiteId', '7'],
        ['_setUserId', ''],
        ['_setUserEmail', ''],
        ['_addItem', { id: 'p-1', name: '', price: '9' }],
        ['_track'],
      ])
    })

    it('resolves a call with its message', async () => {
      test = await loadDestination(facebookPixel, {
        settings: { pixelId: '123' },
      })

      const message = await test.track('Clicked', { color: 'red' })

      expect(message.type).to.equal('track')
      expect(message.event).to.equal('Clicked')
      expect(test.vendorCalls('facebook-pixel').at(-1)?.args).to.deep.equal([
        'trackSingleCustom',
        '123',
        'Clicked',
        { color: 'red' },
        { eventID: message.messageId },
      ])
    })

    it('types the call shapes without a callback', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })
      const loaded = test

      // Checked by tsc only: the kit appends its own callback to each call.
      const withCallback = () =>
        // @ts-expect-error a callback is not one of the kit's call arguments
        loaded.track('Signed Up', {}, {}, () => {})
      const withNumber = () =>
        // @ts-expect-error properties are an object
        loaded.track('Signed Up', 3)

      expect([withCallback, withNumber]).to.have.length(2)
      expect(await loaded.page('Docs', 'Home')).to.include({
        category: 'Docs',
        name: 'Home',
      })
    })

    it('records the URLs the destination loaded', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'a b' },
        standIns: [acmeStandIn()],
      })

      expect(test.vendorRequests()).to.deep.equal([
        { element: 'script', url: `${ACME_SDK}?key=a%20b` },
      ])
      expect(document.querySelectorAll('script')).to.have.length(0)
    })

    it('forgets recorded calls on reset', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      test.reset()
      await test.track('Signed Up')

      expect(test.vendorCalls()).to.deep.equal([
        { vendor: 'acme', args: ['event', 'Signed Up', {}] },
      ])
      expect(test.vendorRequests()).to.deep.equal([])
    })

    it('rejects a call the destination threw on', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      const error = await rejection(test.track('Explode'))

      expect(error.message).to.equal('Acme exploded')
    })

    it('rejects a call with invalid arguments', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      const error = await rejection(test.track(''))

      expect(error.name).to.equal('InvalidArgumentError')
      expect(error.message).to.contain('analytics.track: invalid event name')
    })
  })

  describe('loadDestination with a slow destination', () => {
    /** A destination whose track, or with `hangIn: load` whose load, never settles. */
    const stuck = defineIntegration({
      name: 'Stuck',
      options: {
        hangIn: { type: 'string', default: 'track', description: 'Where.' },
      },
      load({ options }) {
        if (options.hangIn === 'load') return new Promise(() => {})
      },
      track: () => new Promise(() => {}),
    })

    it('rejects a call that never finishes', async () => {
      test = await loadDestination(stuck, { settings: {}, callTimeout: 50 })

      const error = await rejection(test.track('Waiting'))

      expect(error.message).to.equal(
        'Stuck did not finish handling the track call within 50 ms. Raise the callTimeout option if it needs longer.',
      )
    })

    it('rejects calls after a load timeout', async () => {
      test = await loadDestination(stuck, {
        settings: { hangIn: 'load' },
        loadOptions: { readyTimeout: 50 },
      })

      const error = await rejection(test.track('Waiting'))

      expect(test.status()).to.equal('timed-out')
      expect(error.message).to.equal(
        'Stuck did not finish loading within readyTimeout, so the track call would wait for it. Check that a stand-in matches each vendor URL, or raise loadOptions.readyTimeout.',
      )
    })
  })

  describe('loadDestination with invalid settings', () => {
    it("keeps the destination's own validation message", async () => {
      test = await loadDestination(googleTagManager, {
        settings: { containerId: 'GTM-1', trackAllPages: 'sometimes' },
      })

      expect(test.status()).to.equal('failed')
      expect(test.loadError?.message).to.equal(
        'Google Tag Manager: option "trackAllPages" must be a boolean, received "sometimes".',
      )
      expect(test.vendorCalls()).to.deep.equal([])
    })

    it('rejects awaited calls with that message', async () => {
      test = await loadDestination(googleTagManager, { settings: {} })

      const error = await rejection(test.track('Signed Up'))

      expect(error.message).to.match(
        /^Google Tag Manager failed to load, so the track call cannot reach it: Google Tag Manager: option "containerId" is missing/,
      )
    })
  })

  describe('loadDestination without a stand-in', () => {
    it('fails the load instead of reaching the vendor', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [],
      })

      expect(test.status()).to.equal('failed')
      expect(test.loadError?.message).to.equal(
        `No stand-in matches the script ${ACME_SDK}?key=k-1, so the test kit did not load it. Pass a stand-in for it in standIns, or rewrite it to a file on the test page's origin with loadOptions.vendorScriptUrl.`,
      )
      expect(document.querySelectorAll('script')).to.have.length(0)
    })
  })

  describe('startDestination', () => {
    it('rejects a call awaited before load', async () => {
      test = startDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      const error = await rejection(test.track('Too Early'))
      await test.loaded

      expect(error.message).to.equal(
        'Acme Metrics: track was awaited before the destination finished loading. Await destination.loaded first (loadDestination does), or call destination.analytics.track(...) without awaiting it to test a call made while it loads.',
      )
      expect(test.vendorCalls()).to.deep.equal([
        { vendor: 'acme', args: ['init', 'k-1'] },
      ])
    })

    it('delivers calls made while loading', async () => {
      test = startDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      test.analytics.track('Early')
      const status = await test.loaded
      await test.track('Late')

      expect(status).to.equal('ready')
      expect(test.vendorCalls().map((call) => call.args[1])).to.deep.equal([
        'k-1',
        'Early',
        'Late',
      ])
    })

    it('rejects something that is not a factory', () => {
      const start = () =>
        startDestination({ name: 'Acme' } as never, { settings: {} })

      expect(start).to.throw(
        TypeError,
        'startDestination: expected a destination factory, received an object.',
      )
    })

    it('rejects settings that are not an object', () => {
      const start = () => startDestination(acme, { settings: 'k-1' as never })

      expect(start).to.throw(
        TypeError,
        `startDestination: invalid settings "k-1". Pass Acme Metrics's options as an object`,
      )
    })

    it('runs one destination test at a time', () => {
      test = startDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      const second = () =>
        startDestination(acme, { settings: { apiKey: 'k-2' } })

      expect(second).to.throw(
        'startDestination: the test of Acme Metrics is still running. Call its dispose(), e.g. in afterEach, before starting another.',
      )
    })
  })

  describe('DestinationTest.dispose', () => {
    it('removes the vendor globals and calls', async () => {
      test = await loadDestination(facebookPixel, {
        settings: { pixelId: '123' },
      })
      await test.page()

      test.dispose()

      expect(window).to.not.have.property('fbq')
      expect(window).to.not.have.property('_fbq')
      expect(window).to.not.have.property('__vendorCalls')
      expect(test.vendorCalls()).to.deep.equal([])
    })

    it('restores the loader', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      test.dispose()
      const error = await rejection(loadScript(`${ACME_SDK}?key=k-1`))

      // happy-dom runs no scripts, so the inserted tag fails as a blocked one.
      expect(error.message).to.equal(
        `The script ${ACME_SDK}?key=k-1 failed to load (blocked, offline or missing).`,
      )
    })

    it('stops a stand-in still pending', async () => {
      test = startDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      test.dispose()
      await test.loaded

      expect(window).to.not.have.property('acme')
      expect(test.vendorCalls()).to.deep.equal([])
    })

    it('rejects calls after dispose', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })

      test.dispose()
      const error = await rejection(test.track('Gone'))

      expect(error.message).to.equal(
        'Acme Metrics: track was called after dispose(). Start a new destination test.',
      )
    })

    it('lets the next destination test start', async () => {
      test = await loadDestination(acme, {
        settings: { apiKey: 'k-1' },
        standIns: [acmeStandIn()],
      })
      test.dispose()

      test = await loadDestination(acme, {
        settings: { apiKey: 'k-2' },
        standIns: [acmeStandIn()],
      })

      expect(test.vendorCalls()).to.deep.equal([
        { vendor: 'acme', args: ['init', 'k-2'] },
      ])
    })
  })
})
