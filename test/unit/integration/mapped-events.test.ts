import { Track } from '@segment/facade'
import { expect } from 'chai'

import { ecommerceEvent } from '../../../integrations/facebook-pixel/ecommerce'
import { recommendedEvent } from '../../../integrations/google-analytics-4/ecommerce'
import { trackCommands } from '../../../integrations/retention-science/commands'
import { loadSource, slugs } from './sources'

/**
 * Returns what the destination's own code sends for a track call of `event`
 * with no properties and default options: the vendor event names, actions
 * and commands. One entry per destination whose docs.ts lists mapped events.
 */
const SENDERS: Record<string, (event: string) => string[]> = {
  'facebook-pixel': (event) => {
    const standard = ecommerceEvent(new Track({ event, properties: {} }), {})
    return standard ? [standard[0]] : []
  },
  'google-analytics-4': (event) => {
    const recommended = recommendedEvent(event, {})
    return recommended ? [recommended.name] : []
  },
  'retention-science': (event) =>
    trackCommands(new Track({ event, properties: {} }), {}, {}).flatMap(
      ([name, value]) =>
        name === '_setAction' && typeof value === 'string' ? value : name,
    ),
}

describe('mapped events in docs.ts', () => {
  for (const slug of slugs) {
    it(`${slug} lists what its code sends`, async () => {
      const { docs } = await loadSource(slug)
      const send = SENDERS[slug]
      if (!send) {
        expect(docs.mappedEvents, `add a sender for ${slug}`).to.deep.equal([])
        return
      }

      expect(docs.mappedEvents).to.not.deep.equal([])
      for (const mapped of docs.mappedEvents) {
        for (const name of [mapped.event, ...(mapped.olderNames ?? [])]) {
          expect(send(name), name).to.include(mapped.vendorEvent)
        }
      }
    })
  }

  it('an unmapped event finds no fixed mapping', () => {
    expect(SENDERS['facebook-pixel']!('Video Played')).to.deep.equal([])
    expect(SENDERS['google-analytics-4']!('Video Played')).to.deep.equal([])
    // Retention Science sends an unmapped event as an action of its own name.
    expect(SENDERS['retention-science']!('Video Played'))
      .to.include('Video Played')
      .and.not.include('checkout_success')
  })
})
