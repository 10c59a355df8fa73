import { expect } from 'chai'
import sinon from 'sinon'
import { Analytics } from '../../../src/analytics'
import { findSettingsProblems } from '../../../src/clickstream/settings-check'
import { resetReportedCauses } from '../../../src/debug'
import { disposeEndpoint } from '../analytics/harness'

describe('endpoint settings check', () => {
  afterEach(() => {
    sinon.restore()
    resetReportedCauses()
  })

  it('accepts valid settings', () => {
    const problems = findSettingsProblems({
      protocol: 'http',
      deliveryStrategy: {
        strategy: 'batching',
        config: { size: 10, timeout: 1000 },
      },
      httpConfig: { backoffConfig: { maxRetryCount: 3, jitterPercent: 10 } },
    })

    expect(problems).to.deep.equal([])
  })

  const cases: Array<
    [string, Parameters<typeof findSettingsProblems>[0], string]
  > = [
    [
      'a bogus strategy',
      { deliveryStrategy: { strategy: 'bogus' as never } },
      'deliveryStrategy.strategy must be "standard" or "batching", received "bogus"',
    ],
    [
      'a zero batch size',
      { deliveryStrategy: { config: { size: 0 } } },
      'deliveryStrategy.config.size must be an integer from 1 to 1000, received 0',
    ],
    [
      'a negative timeout',
      { deliveryStrategy: { config: { timeout: -1 } } },
      'deliveryStrategy.config.timeout must be a number from 0 to 60000, received -1',
    ],
    [
      'a string retry count',
      { httpConfig: { backoffConfig: { maxRetryCount: 'x' as never } } },
      'httpConfig.backoffConfig.maxRetryCount must be an integer from 0 to 1000, received "x"',
    ],
    [
      'a negative request timeout',
      { httpConfig: { requestTimeout: -5 } },
      'httpConfig.requestTimeout must be a number from 1000 to 120000, received -5',
    ],
    [
      'an unknown protocol',
      { protocol: 'ftp' as never },
      'protocol must be "http" or "https", received "ftp"',
    ],
  ]
  for (const [name, settings, expected] of cases) {
    it(`names ${name}`, () => {
      expect(findSettingsProblems(settings)).to.deep.equal([expected])
    })
  }

  it('reports once on the console', async () => {
    const errors = sinon.stub(console, 'error')
    const analytics = new Analytics()

    analytics.load('settings-check', {
      cdnSettings: {
        integrations: {
          'Segment.io': {
            apiHost: '127.0.0.1:9/v1',
            protocol: 'http',
            deliveryStrategy: { config: { size: 0 } },
          },
        },
      },
    })
    await analytics.ready()
    disposeEndpoint(analytics)

    const ours = errors.getCalls().map((call) => String(call.args[1]))
    expect(
      ours.filter((text) => text.includes('deliveryStrategy.config.size')),
    ).to.have.length(1)
  })
})
