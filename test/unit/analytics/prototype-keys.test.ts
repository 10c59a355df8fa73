import { expect } from 'chai'
import { Analytics } from '../../../src/analytics'
import { createLogger } from '../../../src/debug'
import { parseSettings } from '../../../src/settings/parse'
import { startCollector } from '../../helpers/collector'
import { closeHarnesses, disposeEndpoint, loadHarness } from './harness'

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype']

/** Returns an object with `key` as an own, enumerable data key, as JSON.parse makes it. */
function withKey(key: string, value: unknown): Record<string, unknown> {
  return JSON.parse(
    `{${JSON.stringify(key)}: ${JSON.stringify(value)}, "a": 1}`,
  ) as Record<string, unknown>
}

function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>
  expect(probe.polluted, 'Object.prototype.polluted').to.equal(undefined)
  expect(typeof probe.constructor).to.equal('function')
  expect(Object.getPrototypeOf(probe)).to.equal(Object.prototype)
}

describe('prototype keys', () => {
  afterEach(async () => {
    await closeHarnesses()
    window.history.replaceState(null, '', '/')
  })

  for (const key of PROTOTYPE_KEYS) {
    it(`keeps ${key} in properties as data`, async () => {
      const { analytics, collector } = await loadHarness()

      analytics.track('Proto', withKey(key, { polluted: true }))
      const [received] = await collector.waitFor(1)

      expect(received!.body.properties).to.deep.equal(
        withKey(key, { polluted: true }),
      )
      expectNoPollution()
    })

    it(`keeps ${key} in traits as data`, async () => {
      const { analytics, collector } = await loadHarness()

      analytics.identify('u1', withKey(key, { polluted: true }))
      analytics.identify('u1', { b: 2 })
      const received = await collector.waitFor(2)

      expect(received[0]!.body.traits).to.deep.equal(
        withKey(key, { polluted: true }),
      )
      expect(received[1]!.body.traits).to.deep.include({ a: 1, b: 2 })
      expect(analytics.user().traits()).to.deep.include({ a: 1, b: 2 })
      expectNoPollution()
    })

    it(`keeps ${key} in call options as data`, async () => {
      const { analytics, collector } = await loadHarness()

      analytics.track(
        'Proto',
        {},
        {
          context: withKey(key, { polluted: true }),
          integrations: withKey(key, { polluted: true }),
        },
      )
      const [received] = await collector.waitFor(1)
      const context = received!.body.context as Record<string, unknown>

      expect(
        Object.getOwnPropertyDescriptor(context, key)?.value,
      ).to.deep.equal({ polluted: true })
      expectNoPollution()
    })

    it(`keeps a top-level ${key} option in context`, async () => {
      const { analytics, collector } = await loadHarness()

      analytics.track('Proto', {}, withKey(key, { polluted: true }))
      const [received] = await collector.waitFor(1)
      const context = received!.body.context as Record<string, unknown>

      expect(
        Object.getOwnPropertyDescriptor(context, key)?.value,
      ).to.deep.equal({ polluted: true })
      expectNoPollution()
    })

    it(`reads settings with a ${key} key`, async () => {
      const collector = await startCollector()
      const body = JSON.parse(
        JSON.stringify({
          integrations: {
            'Segment.io': { apiHost: collector.apiHost, protocol: 'http' },
            KEY: { polluted: true },
          },
        }).replace('"KEY"', JSON.stringify(key)),
      ) as unknown
      const settings = parseSettings(body, 'test', createLogger('test'))
      const analytics = new Analytics()
      analytics.load('proto-settings', { cdnSettings: settings })
      analytics.track('After Settings')
      const [received] = await collector.waitFor(1)
      disposeEndpoint(analytics)
      await collector.close()

      expect(received!.body.event).to.equal('After Settings')
      expect(
        Object.getPrototypeOf(settings!.integrations),
        'integrations prototype',
      ).to.equal(Object.prototype)
      expect(Object.keys(settings!.integrations)).to.deep.equal([
        'Segment.io',
        key,
      ])
      expectNoPollution()
    })

    it(`reads ${key} from the query string`, async () => {
      window.history.replaceState(
        null,
        '',
        `/?ajs_uid=u1&ajs_trait_${key}=t&ajs_event=Proto&ajs_prop_${key}=p&ajs_prop_a=1`,
      )
      const { collector } = await loadHarness()

      const received = await collector.waitFor(2)
      const identify = received.find((item) => item.body.type === 'identify')
      const track = received.find((item) => item.body.event === 'Proto')

      expect(identify!.body.traits).to.deep.equal(
        JSON.parse(`{${JSON.stringify(key)}: "t"}`),
      )
      expect(track!.body.properties).to.deep.equal(
        JSON.parse(`{${JSON.stringify(key)}: "p", "a": "1"}`),
      )
      expectNoPollution()
    })
  }
})
