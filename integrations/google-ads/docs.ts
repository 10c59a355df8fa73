import type { IntegrationDocs } from '../../src/integration/docs'

/**
 * Google AdWords New: the optional options' descriptions and what each Segment
 * call becomes, for the README, and the events it maps on its own, for the
 * manifest. index.ts never imports this file, so it ships in no bundle.
 */
export default {
  optionDescriptions: {
    sendPageView:
      'Lets gtag.js send its own page view when it configures the account.',
    conversionLinker:
      'Lets gtag.js store ad click information in first-party cookies.',
    clickConversions:
      'Track event names to conversions: `{ event, id, accountId }`, `id` the conversion label, `accountId` an optional other account.',
    pageLoadConversions:
      'Page names to conversions, in the same shape as `clickConversions`.',
    defaultPageConversion:
      'Conversion label sent for every page call that has no name.',
    disableAdPersonalization:
      'Sets `allow_ad_personalization_signals` to false before any `config`.',
    floodlightAccountId:
      'A Floodlight (`DC-…`) tag ID configured on the same gtag.js, before the Ads account.',
  },
  vendorCallHeading: 'gtag call',
  mappings: [
    { segmentCall: 'load', vendorCall: "`gtag('js', new Date())`" },
    {
      segmentCall: 'load, `disableAdPersonalization: true`',
      vendorCall:
        "`gtag('set', 'allow_ad_personalization_signals', false)`, before any `config`",
    },
    {
      segmentCall: 'load, `floodlightAccountId` set',
      vendorCall: "`gtag('config', floodlightAccountId, config)`",
    },
    {
      segmentCall: 'load',
      vendorCall:
        "`gtag('config', accountId, config)`; `config` holds `send_page_view: false` and `conversion_linker: false` only when those options are off",
    },
    {
      segmentCall: '`page()` without a name',
      vendorCall:
        "`gtag('event', 'conversion', { ...properties, send_to: 'accountId/defaultPageConversion' })`, when `defaultPageConversion` is set",
    },
    {
      segmentCall: "`page('Name')` mapped in `pageLoadConversions`",
      vendorCall:
        "`gtag('event', 'Name', { ...properties, name, send_to })` once per mapped conversion",
    },
    {
      segmentCall:
        'page call options `value`, `currency`, `order_id` (or `orderId`)',
      vendorCall:
        'added to the page conversion as `value`, `currency`, `transaction_id`',
    },
    {
      segmentCall: "`track('Event')` mapped in `clickConversions`",
      vendorCall:
        "`gtag('event', 'Event', { ...properties, send_to })` once per mapped conversion; the order ID (`id`, else `order_id`, else `orderId`) is added as `transaction_id`, replacing an `orderId` key",
    },
    {
      segmentCall: "`track('Order Completed')` mapped",
      vendorCall:
        'as above, replacing `order_id` and `orderId`; `revenue` (else `total`) becomes `value`, replacing `revenue`',
    },
    {
      segmentCall: '`identify`, `group`, `alias`, `screen`',
      vendorCall: 'nothing',
    },
  ],
  mappedEvents: [],
} satisfies IntegrationDocs
