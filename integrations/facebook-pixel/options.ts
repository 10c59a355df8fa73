import type { OptionSchema } from '../../src/integration/schema'

/** Facebook Pixel's options: Segment's names and defaults. */
export const options = {
  pixelId: {
    type: 'string',
    pattern: '^[0-9]+$',
    example: '123456789012345',
    required: true,
    description: 'Pixel ID from Meta Events Manager.',
  },
  agent: {
    type: 'string',
    default: 'seg',
    description: 'Partner agent string the pixel reports.',
  },
  valueIdentifier: {
    type: 'string',
    default: 'value',
    description:
      'Property Product Viewed and Product Added send as `value`: `value` or `price`.',
  },
  initWithExistingTraits: {
    type: 'boolean',
    default: false,
    description:
      'Passes the stored user traits to `init` for advanced matching.',
  },
  traverse: {
    type: 'boolean',
    default: false,
    description: 'No effect. Accepted because Segment settings carry it.',
  },
  automaticConfiguration: {
    type: 'boolean',
    default: true,
    description: 'Lets the pixel collect button clicks and page metadata.',
  },
  whitelistPiiProperties: {
    type: 'array',
    default: [],
    description: 'Personal-data property names to send anyway.',
  },
  blacklistPiiProperties: {
    type: 'array',
    default: [],
    description:
      'Properties to drop, as `{ propertyName, hashProperty }`. With `hashProperty`, strings are sent SHA-256 hashed.',
  },
  standardEventsCustomProperties: {
    type: 'array',
    default: [],
    description: 'Properties also sent with the e-commerce standard events.',
  },
  keyForExternalId: {
    type: 'string',
    default: '',
    description: 'User trait sent to `init` as `external_id`.',
  },
  userIdAsExternalId: {
    type: 'boolean',
    default: false,
    description: 'Sends the user id, else the anonymous id, as `external_id`.',
  },
  limitedDataUse: {
    type: 'boolean',
    default: true,
    description: 'Turns on Limited Data Use (LDU).',
  },
  dataProcessingOptions: {
    type: 'array',
    description:
      'Preset LDU arguments `[modes, country, state]`. Unset means by geolocation.',
  },
  standardEvents: {
    type: 'mapping',
    default: {},
    description: 'Segment event to Facebook standard event.',
  },
  legacyEvents: {
    type: 'mapping',
    default: {},
    description: 'Segment event to legacy conversion pixel ID.',
  },
  contentTypes: {
    type: 'mapping',
    default: {},
    description: 'Product category to `content_type`.',
  },
} as const satisfies OptionSchema
