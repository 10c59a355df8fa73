import type { IntegrationDocs } from '../../src/integration/docs'

/**
 * AdWords: the optional options' descriptions and what each Segment call
 * becomes, for the README, and the events it maps on its own, for the
 * manifest. index.ts never imports this file, so it ships in no bundle.
 */
export default {
  optionDescriptions: {
    pageRemarketing:
      'With each page call, also send a remarketing tag with the page properties.',
    eventMappings:
      'Track event names to `{ eventName, label, conversionId, remarketing }`: the conversion label, an optional other conversion ID, and whether to send a remarketing tag too.',
  },
  vendorCallHeading: '`google_trackConversion` call',
  mappings: [
    {
      segmentCall: '`page()`',
      vendorCall:
        '`{ google_conversion_id, google_custom_params: {}, google_remarketing_only: false }`',
    },
    {
      segmentCall: '`page()`, `pageRemarketing: true`',
      vendorCall:
        'then `{ google_conversion_id, google_custom_params: properties, google_remarketing_only: true }`',
    },
    {
      segmentCall: "`track('Event')`, mapping with a label",
      vendorCall:
        "`{ google_conversion_id, google_custom_params: properties without revenue, google_conversion_language: 'en', google_conversion_format: '3', google_conversion_color: 'ffffff', google_conversion_label: label, google_conversion_value: revenue or 0, google_remarketing_only: false }`",
    },
    {
      segmentCall: "`track('Event')`, mapping with `remarketing: true`",
      vendorCall:
        'then `{ google_conversion_id, google_custom_params: properties, google_remarketing_only: true }`; revenue stays in the params only when no conversion tag went before it in this call',
    },
    { segmentCall: "`track('Event')` with no mapping", vendorCall: 'nothing' },
    {
      segmentCall: '`identify`, `group`, `alias`, `screen`',
      vendorCall: 'nothing',
    },
  ],
  mappedEvents: [],
} satisfies IntegrationDocs
