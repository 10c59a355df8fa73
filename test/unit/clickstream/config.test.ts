import { expect } from 'chai'
import { resolveDeliveryConfig } from '../../../src/clickstream/config'
import type { ClickstreamSettings } from '../../../src/clickstream/types'

function resolve(settings: ClickstreamSettings) {
  return resolveDeliveryConfig('wk', settings)
}

describe('resolveDeliveryConfig', () => {
  describe('endpoint', () => {
    it('defaults to https', () => {
      expect(resolve({ apiHost: 'api.example.test/v1' }).endpoint).to.equal(
        'https://api.example.test/v1',
      )
    })

    it('uses the protocol setting', () => {
      const config = resolve({ apiHost: 'api.example.test', protocol: 'http' })

      expect(config.endpoint).to.equal('http://api.example.test')
    })

    it('keeps a protocol inside apiHost', () => {
      const config = resolve({ apiHost: 'http://api.example.test/v1/' })

      expect(config.endpoint).to.equal('http://api.example.test/v1')
    })

    it('is undefined without apiHost', () => {
      expect(resolve({}).endpoint).to.equal(undefined)
    })

    it('is undefined for a blank apiHost', () => {
      expect(resolve({ apiHost: '  ' }).endpoint).to.equal(undefined)
    })
  })

  it('uses the write key as authKey', () => {
    expect(resolve({}).authKey).to.equal('wk')
  })

  it('lets apiKey replace the write key', () => {
    expect(resolve({ apiKey: 'api-key' }).authKey).to.equal('api-key')
  })

  describe('defaults', () => {
    const config = resolve({})

    it('sends one event per request', () => {
      expect(config.batching).to.equal(false)
    })

    it('batches 10 events', () => {
      expect(config.batchSize).to.equal(10)
    })

    it('waits 5 s for a batch', () => {
      expect(config.batchTimeoutMs).to.equal(5000)
    })

    it('times requests out after 10 s', () => {
      expect(config.requestTimeoutMs).to.equal(10_000)
    })

    it('retries 10 times', () => {
      expect(config.maxRetries).to.equal(10)
    })

    it('starts backoff at 0.5 s', () => {
      expect(config.baseBackoffMs).to.equal(500)
    })

    it('caps backoff at 60 s', () => {
      expect(config.maxBackoffMs).to.equal(60_000)
    })

    it('jitters by 10 percent', () => {
      expect(config.jitterPercent).to.equal(10)
    })

    it('caps Retry-After at 300 s', () => {
      expect(config.maxRateLimitWaitMs).to.equal(300_000)
    })
  })

  describe('clamping', () => {
    it('raises batch size to 1', () => {
      const config = resolve({ deliveryStrategy: { config: { size: 0 } } })

      expect(config.batchSize).to.equal(1)
    })

    it('lowers batch size to 1000', () => {
      const config = resolve({ deliveryStrategy: { config: { size: 1e6 } } })

      expect(config.batchSize).to.equal(1000)
    })

    it('raises a negative timeout to 0', () => {
      const config = resolve({ deliveryStrategy: { config: { timeout: -5 } } })

      expect(config.batchTimeoutMs).to.equal(0)
    })

    it('raises requestTimeout to 1 s', () => {
      expect(
        resolve({ httpConfig: { requestTimeout: 1 } }).requestTimeoutMs,
      ).to.equal(1000)
    })

    it('raises a negative maxRetryCount to 0', () => {
      const config = resolve({
        httpConfig: { backoffConfig: { maxRetryCount: -3 } },
      })

      expect(config.maxRetries).to.equal(0)
    })

    it('ignores NaN', () => {
      const config = resolve({
        httpConfig: { backoffConfig: { maxRetryCount: Number.NaN } },
      })

      expect(config.maxRetries).to.equal(10)
    })

    it('ignores a string number', () => {
      const settings = JSON.parse(
        '{"httpConfig":{"backoffConfig":{"maxRetryCount":"7"}}}',
      ) as ClickstreamSettings

      expect(resolve(settings).maxRetries).to.equal(10)
    })

    it('lowers jitterPercent to 100', () => {
      const config = resolve({
        httpConfig: { backoffConfig: { jitterPercent: 500 } },
      })

      expect(config.jitterPercent).to.equal(100)
    })

    it('keeps the max backoff above the base', () => {
      const config = resolve({
        httpConfig: {
          backoffConfig: { baseBackoffInterval: 10, maxBackoffInterval: 1 },
        },
      })

      expect(config.maxBackoffMs).to.equal(10_000)
    })

    it('lowers maxRetryInterval to an hour', () => {
      const config = resolve({
        httpConfig: { rateLimitConfig: { maxRetryInterval: 1e9 } },
      })

      expect(config.maxRateLimitWaitMs).to.equal(3_600_000)
    })
  })

  describe('statusCodeOverrides', () => {
    const settings = JSON.parse(
      '{"httpConfig":{"backoffConfig":{"statusCodeOverrides":' +
        '{"400":"retry","abc":"retry","4000":"drop","503":"maybe"}}}}',
    ) as ClickstreamSettings
    const { overrides } = resolve(settings)

    it('keeps a valid override', () => {
      expect(overrides.get(400)).to.equal('retry')
    })

    it('skips invalid keys and values', () => {
      expect(overrides.size).to.equal(1)
    })
  })
})
