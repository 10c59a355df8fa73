import { expect } from 'chai'
import { AnalyticsBrowser } from '../../src/index'
import {
  recordingIntegration,
  type RecordedCall,
} from '../fixtures/recording-destination'
import { startCollector } from '../helpers/collector'
import { disposeEndpoint } from './analytics/harness'

describe('AnalyticsBrowser', () => {
  it('returns an instance that buffers calls', async () => {
    const collector = await startCollector()
    const calls: RecordedCall[] = []
    const destination = recordingIntegration('Imported Tool', calls)

    const analytics = AnalyticsBrowser.load({
      writeKey: 'npm-key',
      cdnSettings: {
        integrations: {
          'Segment.io': { apiHost: collector.apiHost, protocol: 'http' },
        },
      },
      plugins: [destination({ loadDelay: 30 })],
    })
    analytics.track('Early')
    await analytics.ready()
    const received = await collector.waitFor(1)
    disposeEndpoint(analytics)
    await collector.close()

    expect(analytics.destinationStatus()['Imported Tool']).to.equal('ready')
    expect(calls.map((call) => call.message.event)).to.deep.equal(['Early'])
    expect(received[0]!.body.writeKey).to.equal('npm-key')
  })
})
