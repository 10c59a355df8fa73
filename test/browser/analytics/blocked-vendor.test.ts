import { expect } from 'chai'
import sinon from 'sinon'
import { Analytics } from '../../../src/analytics'
import { resetLoadedScripts } from '../../../src/integration/loader'
import {
  recordingIntegration,
  type RecordedCall,
} from '../../fixtures/recording-destination'
import { collectorSettings, receivedMessages, waitFor } from './test-server'

describe('a blocked vendor script', () => {
  afterEach(() => {
    sinon.restore()
    resetLoadedScripts()
  })

  it('leaves the other destinations working', async () => {
    const writeKey = `blocked-${Date.now()}`
    const calls: RecordedCall[] = []
    const pageErrors: unknown[] = []
    const onError = (event: ErrorEvent) => pageErrors.push(event.error)
    window.addEventListener('error', onError)
    const analytics = new Analytics([
      recordingIntegration('Facebook Pixel', calls),
      recordingIntegration('Google Analytics 4', calls),
    ])
    const ready = sinon.spy()

    analytics.load(writeKey, {
      readyTimeout: 2000,
      cdnSettings: {
        integrations: {
          ...collectorSettings(),
          'Facebook Pixel': { scriptUrl: '/__test__/missing/fbevents.js' },
          'Google Analytics 4': { scriptUrl: '/__test__/vendor/gtag.js' },
        },
      },
    })
    const started = Date.now()
    analytics.ready(ready)
    analytics.track('Signed Up')
    await analytics.ready()
    const readyAfter = Date.now() - started
    const received = await waitFor(
      () => receivedMessages(writeKey),
      (list) => list.length >= 1,
    )
    window.removeEventListener('error', onError)

    expect(ready.callCount).to.equal(1)
    expect(readyAfter).to.be.below(2000)
    expect(analytics.destinationStatus()['Facebook Pixel']).to.equal('failed')
    expect(analytics.destinationStatus()['Google Analytics 4']).to.equal(
      'ready',
    )
    expect(
      calls
        .filter((call) => call.destination === 'Google Analytics 4')
        .map((call) => call.message.event),
    ).to.deep.equal(['Signed Up'])
    expect(
      calls.filter((call) => call.destination === 'Facebook Pixel'),
    ).to.have.length(0)
    expect(received.map((item) => item.body.event)).to.deep.equal(['Signed Up'])
    expect(pageErrors).to.have.length(0)
  })
})
