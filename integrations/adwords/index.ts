import { defineIntegration } from '../../src/integration/define'
import type { OptionsOf } from '../../src/integration/schema'
import { conversionIdOf, mappingsFor } from './mappings'
import { adwordsMigrations } from './migrations'
import {
  conversionTagLoaded,
  remarketingTag,
  trackConversion,
  trackTags,
} from './tags'

// Only conversionId carries its description here, because the error for a
// missing value quotes it. The others are in docs.ts, which no bundle
// contains.
const options = {
  conversionId: {
    type: 'string',
    pattern: '^(AW-)?[0-9]+$',
    example: '123456789',
    required: true,
    description:
      'Conversion ID of the Google Ads account (`google_conversion_id` in the tag).',
  },
  pageRemarketing: { type: 'boolean', default: false },
  eventMappings: {
    type: 'mapping',
    fieldPatterns: {
      conversionId: '^(AW-)?[0-9]+$',
      label: '^[A-Za-z0-9_-]+$',
    },
    default: [],
  },
} as const

/** Options of the classic AdWords conversion tag destination. */
export type AdWordsOptions = OptionsOf<typeof options>

export default /*#__PURE__*/ defineIntegration({
  name: 'AdWords',
  aliases: ['Google Ads (Classic)'],
  options,
  migrations: adwordsMigrations,
  replacedBy: 'Google AdWords New',

  // Google's asynchronous conversion tag has no command queue, so the core
  // queues calls until the script has defined google_trackConversion.
  async load({ loadScript }) {
    await loadScript(
      'https://www.googleadservices.com/pagead/conversion_async.js',
    )
    if (!conversionTagLoaded()) {
      throw new Error('conversion_async.js defined no google_trackConversion')
    }
  },

  isLoaded: conversionTagLoaded,

  page(page, { options: o }) {
    trackConversion({
      google_conversion_id: conversionIdOf(o.conversionId),
      google_custom_params: {},
      google_remarketing_only: false,
    })
    if (o.pageRemarketing) {
      trackConversion(remarketingTag(o.conversionId, page.properties()))
    }
  },

  track(track, { options: o, log }) {
    const mappings = mappingsFor(o.eventMappings, track.event())
    if (mappings.length === 0) log.debug(`no mapping for ${track.event()}`)
    for (const tag of trackTags(track, mappings, o.conversionId)) {
      trackConversion(tag)
    }
  },
})
