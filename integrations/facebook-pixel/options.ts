import type { OptionSchema } from '../../src/integration/schema'

/**
 * Facebook Pixel's options, with Segment's names and defaults. Their
 * descriptions are in docs.ts, so no bundle carries them. pixelId keeps its
 * own, because the error for a missing required option quotes it.
 */
export const options = {
  pixelId: {
    type: 'string',
    pattern: '^[0-9]+$',
    example: '123456789012345',
    required: true,
    description: 'Pixel ID from Meta Events Manager.',
  },
  agent: { type: 'string', default: 'seg' },
  valueIdentifier: { type: 'string', default: 'value' },
  initWithExistingTraits: { type: 'boolean', default: false },
  traverse: { type: 'boolean', default: false },
  automaticConfiguration: { type: 'boolean', default: true },
  whitelistPiiProperties: { type: 'array', default: [] },
  blacklistPiiProperties: { type: 'array', default: [] },
  standardEventsCustomProperties: { type: 'array', default: [] },
  keyForExternalId: { type: 'string', default: '' },
  userIdAsExternalId: { type: 'boolean', default: false },
  limitedDataUse: { type: 'boolean', default: true },
  dataProcessingOptions: { type: 'array' },
  standardEvents: { type: 'mapping', default: {} },
  legacyEvents: { type: 'mapping', default: {} },
  contentTypes: { type: 'mapping', default: {} },
} as const satisfies OptionSchema
