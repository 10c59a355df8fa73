import { expect } from 'chai'
import googleTagManager, {
  type GoogleTagManagerOptions,
} from '../../../../integrations/google-tag-manager'
import { createPluginContext } from '../../../../src/integration/context'
import type { SegmentEvent } from '../../../../src/message/types'

const scope = globalThis as unknown as { dataLayer?: unknown[] }

afterEach(() => {
  delete scope.dataLayer
})

describe('Google Tag Manager options', () => {
  it("has Segment's catalogue name and defaults", () => {
    const defaults = Object.fromEntries(
      Object.entries(googleTagManager.schema).map(([name, spec]) => [
        name,
        'default' in spec ? spec.default : undefined,
      ]),
    )

    expect(googleTagManager.integrationName).to.equal('Google Tag Manager')
    expect(defaults).to.deep.equal({
      containerId: undefined,
      environment: '',
      fullURLpath: '',
      trackNamedPages: true,
      trackCategorizedPages: true,
      trackAllPages: false,
    })
  })

  it('types the options of the factory', () => {
    const valid: GoogleTagManagerOptions = { containerId: 'GTM-1' }
    // @ts-expect-error containerId is required
    const missing: GoogleTagManagerOptions = { environment: 'env-2' }
    const wrong: GoogleTagManagerOptions = {
      containerId: 'GTM-1',
      // @ts-expect-error trackAllPages is a boolean
      trackAllPages: 'yes',
    }

    expect(googleTagManager(valid).name).to.equal('Google Tag Manager')
    expect([missing, wrong]).to.have.length(2)
  })
})

describe('Google Tag Manager without an Analytics instance', () => {
  it("pushes the message's own ids, having no stored user to read", async () => {
    const plugin = googleTagManager({ containerId: 'GTM-1' })
    const event = {
      type: 'track',
      event: 'Signed Up',
      properties: { plan: 'pro' },
      userId: 'u-1',
      anonymousId: 'a-1',
      messageId: 'm-1',
      timestamp: '2024-01-01T00:00:00.000Z',
      context: {},
      integrations: {},
    } as unknown as SegmentEvent

    await plugin.track?.(createPluginContext(event))

    expect(scope.dataLayer).to.deep.equal([
      {
        plan: 'pro',
        userId: 'u-1',
        segmentAnonymousId: 'a-1',
        event: 'Signed Up',
      },
    ])
  })
})
