// Ports the initialize and loading cases of Segment's facebook-pixel test
// file, and a blocked fbevents.js, with the real destination in Chromium,
// run through the test kit. Its stand-in records the calls queued before it
// ran; the loading and blocking cases use the served fbevents.js.
import { expect } from 'chai'
import sinon from 'sinon'
import facebookPixel from '../../../../integrations/facebook-pixel'
import { resetReportedCauses } from '../../../../src/debug'
import { facebookPixelStandIn, startDestination } from '../../../../src/testing'
import {
  recordingIntegration,
  type RecordedCall,
} from '../../../fixtures/recording-destination'
import {
  collectorSettings,
  receivedMessages,
  waitFor,
} from '../../analytics/test-server'
import { standInUrl } from '../served-stand-ins'
import {
  adoptPixel,
  cleanUpPixel,
  fbqCalls,
  loadPixel,
  PIXEL_ID,
  SCRIPT_URL,
} from './pixel'

/** Lets queued microtasks and late requests run. */
function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

interface FbqGlobal {
  (...args: unknown[]): void
  callMethod?: unknown
  queue: unknown[]
  agent?: string
  version?: string
  disablePushState?: boolean
  allowDuplicatePageViews?: boolean
}

function fbq(): FbqGlobal {
  return (window as unknown as { fbq: FbqGlobal }).fbq
}

afterEach(() => {
  sinon.restore()
  cleanUpPixel()
  localStorage.removeItem('ajs_user_id')
  localStorage.removeItem('ajs_user_traits')
})

describe('Facebook Pixel: loading', () => {
  it('injects fbevents.js and becomes ready', async () => {
    const requested: string[] = []

    const pixel = await loadPixel(
      {},
      {
        vendorScriptUrl: (url) => {
          requested.push(url)
          return url === SCRIPT_URL ? standInUrl('fbevents.js') : url
        },
      },
    )

    expect(requested).to.deep.equal([SCRIPT_URL])
    expect(pixel.analytics.destinationStatus()['Facebook Pixel']).to.equal(
      'ready',
    )
    expect(
      document.querySelectorAll('script[src$="/stand-ins/fbevents.js"]'),
    ).to.have.length(1)
  })

  it('sets up fbq as the snippet does, with our agent', async () => {
    await loadPixel()

    expect(fbq()).to.be.a('function')
    expect((window as unknown as { _fbq: unknown })._fbq).to.equal(fbq())
    expect(fbq().agent).to.equal('test')
    expect(fbq().version).to.equal('2.0')
    expect(fbq().disablePushState).to.equal(true)
    expect(fbq().allowDuplicatePageViews).to.equal(true)
  })

  it('hands calls to the script once it has loaded', async () => {
    await loadPixel()
    const before = fbqCalls().length

    fbq()('test')

    expect(fbq().callMethod).to.be.a('function')
    expect(fbqCalls().slice(before)).to.deep.equal([['test']])
  })

  it('queues Limited Data Use and init before the script loads', async () => {
    await loadPixel()

    expect(fbqCalls()).to.deep.equal([
      ['dataProcessingOptions', ['LDU'], 0, 0],
      ['init', PIXEL_ID],
    ])
  })

  it('turns automatic configuration off when asked', async () => {
    await loadPixel({ automaticConfiguration: false })

    expect(fbqCalls()).to.deep.equal([
      ['set', 'autoConfig', false, PIXEL_ID],
      ['dataProcessingOptions', ['LDU'], 0, 0],
      ['init', PIXEL_ID],
    ])
  })

  it('turns Limited Data Use off explicitly', async () => {
    await loadPixel({ limitedDataUse: false })

    expect(fbqCalls()).to.deep.equal([
      ['dataProcessingOptions', []],
      ['init', PIXEL_ID],
    ])
  })

  it('sends preset data processing options', async () => {
    await loadPixel({ dataProcessingOptions: [['LDU'], 99, 99] })

    expect(fbqCalls()[0]).to.deep.equal([
      'dataProcessingOptions',
      ['LDU'],
      99,
      99,
    ])
  })

  it('falls back to geolocation for malformed preset options', async () => {
    await loadPixel({ dataProcessingOptions: ['a string', true, 99] })

    expect(fbqCalls()[0]).to.deep.equal([
      'dataProcessingOptions',
      ['LDU'],
      0,
      0,
    ])
  })

  it("passes the stored user's traits to init when asked", async () => {
    localStorage.setItem('ajs_user_id', '"123"')
    localStorage.setItem(
      'ajs_user_traits',
      JSON.stringify({
        name: 'Ash Ketchum',
        gender: 'Male',
        birthday: '01/13/1991',
        address: { city: 'Emerald', state: 'Kanto', postalCode: 123456 },
      }),
    )

    await loadPixel(
      { initWithExistingTraits: true },
      { storage: { stores: ['localStorage'] } },
    )

    expect(fbqCalls()[1]).to.deep.equal([
      'init',
      PIXEL_ID,
      {
        ct: 'emerald',
        db: '19910113',
        fn: 'ash',
        ge: 'm',
        ln: 'ketchum',
        st: 'kanto',
        zp: 123456,
      },
    ])
  })

  it('sends calls made before the script loaded after init, in order', async () => {
    const pixel = adoptPixel(
      startDestination(facebookPixel, {
        settings: { pixelId: PIXEL_ID },
        standIns: [facebookPixelStandIn()],
      }),
    )

    pixel.analytics.track('first')
    pixel.analytics.track('second')
    await pixel.loaded
    await waitFor(
      async () => fbqCalls(),
      (list) => list.length >= 4,
    )

    expect(fbqCalls().map((call) => call.slice(0, 4))).to.deep.equal([
      ['dataProcessingOptions', ['LDU'], 0, 0],
      ['init', PIXEL_ID],
      ['trackSingleCustom', PIXEL_ID, 'first', {}],
      ['trackSingleCustom', PIXEL_ID, 'second', {}],
    ])
  })

  it('fails with an error naming the option and the value', async () => {
    resetReportedCauses()
    const errors = sinon.stub(console, 'error')

    const pixel = await loadPixel({ limitedDataUse: 'sometimes' })

    expect(pixel.analytics.destinationStatus()['Facebook Pixel']).to.equal(
      'failed',
    )
    const printed = errors.args.map((args) => args.join(' ')).join('\n')
    expect(printed).to.contain(
      'Facebook Pixel: option "limitedDataUse" must be a boolean, received "sometimes".',
    )
    expect(fbqCalls()).to.deep.equal([])
  })
})

describe('Facebook Pixel: a blocked fbevents.js', () => {
  it('leaves Google Analytics 4 and the endpoint working', async () => {
    const calls: RecordedCall[] = []
    const pageErrors: unknown[] = []
    const onError = (event: ErrorEvent) => pageErrors.push(event.error)
    window.addEventListener('error', onError)
    const pixel = adoptPixel(
      startDestination(facebookPixel, {
        settings: { pixelId: PIXEL_ID },
        loadOptions: {
          readyTimeout: 2000,
          cdnSettings: { integrations: collectorSettings() },
          vendorScriptUrl: (url) =>
            url === SCRIPT_URL ? '/__test__/missing/fbevents.js' : url,
        },
      }),
    )
    const analytics = pixel.analytics
    void analytics.register(
      recordingIntegration('Google Analytics 4', calls)({}),
    )
    const writeKey = analytics.writeKey
    const ready = sinon.spy()

    const started = Date.now()
    analytics.ready(ready)
    analytics.track('Signed Up')
    await analytics.ready()
    const readyAfter = Date.now() - started
    const received = await waitFor(
      () => receivedMessages(writeKey),
      (list) => list.length >= 1,
    )
    await settle(50)
    window.removeEventListener('error', onError)

    expect(ready.callCount).to.equal(1)
    expect(readyAfter).to.be.below(2000)
    expect(analytics.destinationStatus()['Facebook Pixel']).to.equal('failed')
    expect(
      calls
        .filter((call) => call.destination === 'Google Analytics 4')
        .map((call) => call.message.event),
    ).to.deep.equal(['Signed Up'])
    expect(
      (await receivedMessages(writeKey)).map((item) => item.body.event),
    ).to.deep.equal(['Signed Up'])
    expect(received).to.have.length(1)
    expect(pageErrors).to.have.length(0)
    expect(fbqCalls()).to.deep.equal([])
  })
})
