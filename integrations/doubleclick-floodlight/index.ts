import type { Track } from '@segment/facade'
import {
  defineIntegration,
  type CallContext,
} from '../../src/integration/define'
import type { OptionSchema, OptionsOf } from '../../src/integration/schema'
import { childDirectedFlag, doubleClickIdUrl, tagUrls } from './tags'

const NAME = 'DoubleClick Floodlight'

// The option descriptions are in docs.ts, which no bundle contains.
const options = {
  source: {
    type: 'string',
    pattern: '^[A-Za-z0-9-]+$',
    example: '1234567',
    default: '',
  },
  activityTag: {
    type: 'string',
    pattern: '^[A-Za-z0-9_-]+$',
    example: 'sales0',
    default: '',
  },
  groupTag: {
    type: 'string',
    pattern: '^[A-Za-z0-9_-]+$',
    example: 'conv0',
    default: '',
  },
  events: {
    type: 'mapping',
    fieldPatterns: {
      cat: '^[A-Za-z0-9_-]+$',
      type: '^[A-Za-z0-9_-]+$',
    },
    default: [],
  },
  getDoubleClickId: { type: 'boolean', default: false },
  googleNetworkId: {
    type: 'string',
    pattern: '^[A-Za-z0-9_-]+$',
    example: '1234',
    default: '',
  },
  segmentWriteKey: { type: 'string', default: '' },
  useTransactionCounting: { type: 'boolean', default: false },
} as const satisfies OptionSchema

export type DoubleClickFloodlightOptions = OptionsOf<typeof options>

type Call = CallContext<DoubleClickFloodlightOptions>

/**
 * DoubleClick Floodlight destination. Each track call that `events` maps, and
 * each named page call as `Viewed <name> Page`, fires one iframe per tag.
 */
export default /*#__PURE__*/ defineIntegration({
  name: NAME,
  options,

  // The schema's patterns check every option that goes into a tag URL.
  load() {},

  track: (track, call) => fire(track, call),

  page(page, call) {
    const name = page.fullName()
    fire(name ? page.track(String(name)) : undefined, call)
  },
})

function fire(track: Track | undefined, call: Call): void {
  const { options, state, log } = call
  // Segment sends this pixel at start-up with the anonymous ID. The load
  // context has no user, so the first call of the page sends it instead.
  if (options.getDoubleClickId && options.googleNetworkId && !state.idPixel) {
    state.idPixel = true
    call
      .loadImage(doubleClickIdUrl(options, call.message.anonymousId))
      .catch((error) => log.warn('DoubleClick ID pixel failed to load', error))
  }
  if (!track) return

  const urls = tagUrls(track, options, childDirectedFlag(call.callOptions))
  if (urls.length === 0) log.debug(`No Floodlight tag for "${track.event()}".`)
  for (const url of urls) {
    call
      .loadIframe(url)
      .catch((error) => log.warn('Floodlight tag failed to load', error))
  }
}
