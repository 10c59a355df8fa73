import type { IntegrationDocs } from '../../src/integration/docs'

/**
 * Facebook Pixel's reference: the option descriptions and what each Segment
 * call becomes, for the README, and the events it maps on its own, for the
 * manifest. index.ts never imports this file, so it ships in no bundle.
 */
export default {
  optionDescriptions: {
    agent: 'Partner agent string the pixel reports.',
    valueIdentifier:
      'Property Product Viewed and Product Added send as `value`: `value` or `price`.',
    initWithExistingTraits:
      'Passes the stored user traits to `init` for advanced matching.',
    traverse: 'No effect. Accepted because Segment settings carry it.',
    automaticConfiguration:
      'Lets the pixel collect button clicks and page metadata.',
    whitelistPiiProperties: 'Personal-data property names to send anyway.',
    blacklistPiiProperties:
      'Properties to drop, as `{ propertyName, hashProperty }`. With `hashProperty`, strings are sent SHA-256 hashed.',
    standardEventsCustomProperties:
      'Properties also sent with the e-commerce standard events.',
    keyForExternalId: 'User trait sent to `init` as `external_id`.',
    userIdAsExternalId:
      'Sends the user id, else the anonymous id, as `external_id`.',
    limitedDataUse: 'Turns on Limited Data Use (LDU).',
    dataProcessingOptions:
      'Preset LDU arguments `[modes, country, state]`. Unset means by geolocation.',
    standardEvents: 'Segment event to Facebook standard event.',
    legacyEvents: 'Segment event to legacy conversion pixel ID.',
    contentTypes: 'Product category to `content_type`.',
  },
  vendorCallHeading: 'fbq call',
  mappings: [
    {
      segmentCall: 'load',
      vendorCall:
        "`fbq('set', 'autoConfig', false, <pixelId>)` when `automaticConfiguration` is false; `fbq('dataProcessingOptions', ['LDU'], 0, 0)` (or the valid `dataProcessingOptions` preset), or `fbq('dataProcessingOptions', [])` when `limitedDataUse` is false; then `fbq('init', <pixelId>)`, with the advanced matching fields as a third argument when `initWithExistingTraits` is true",
    },
    {
      segmentCall: '`page()`',
      vendorCall: "`fbq('track', 'PageView', {}, { eventID })`",
    },
    {
      segmentCall: '`track` of an event in `standardEvents`',
      vendorCall:
        "`fbq('trackSingle', <pixelId>, <standard event>, <properties>, { eventID })` for each mapped event; `revenue` becomes `value`; `Purchase` also gets `currency` (default `USD`)",
    },
    {
      segmentCall: '`track` of an event in `legacyEvents`',
      vendorCall:
        "`fbq('trackSingle', <pixelId>, <legacy pixel ID>, { currency, value }, { eventID })` for each mapped ID, after any standard event",
    },
    {
      segmentCall: 'any other `track`',
      vendorCall:
        "`fbq('trackSingleCustom', <pixelId>, <event>, <properties>, { eventID })`",
    },
    {
      segmentCall: '`Product List Viewed`',
      vendorCall:
        "`trackSingle` `ViewContent` with `content_ids` and `contents` from `products[].product_id` (or `id`), `content_type: ['product']`; without product ids, the `category` as the id and `content_type: ['product_group']`",
    },
    {
      segmentCall: '`Product Viewed`',
      vendorCall:
        '`trackSingle` `ViewContent` with `content_ids`, `content_type`, `content_name`, `content_category`, `currency`, `value` (from `value`, or `price` when `valueIdentifier` is `price`) and `contents: [{ id, quantity, item_price }]`',
    },
    {
      segmentCall: '`Product Added`',
      vendorCall:
        '`trackSingle` `AddToCart`, parameters as for `Product Viewed`',
    },
    {
      segmentCall: '`Order Completed`',
      vendorCall:
        '`trackSingle` `Purchase` with `content_ids`, `content_type`, `currency`, `value` (`revenue`, else `total`), `contents: [{ id, quantity, item_price }]` and `num_items`',
    },
    {
      segmentCall: '`Checkout Started`',
      vendorCall:
        "`trackSingle` `InitiateCheckout`, parameters as for `Order Completed` plus `content_category` (the event's, else the first product's)",
    },
    {
      segmentCall: '`Products Searched`',
      vendorCall: '`trackSingle` `Search` with `search_string` from `query`',
    },
    {
      segmentCall: '`Product Added to Wishlist` (ours)',
      vendorCall:
        '`trackSingle` `AddToWishlist`, parameters as for `Product Added`',
    },
    {
      segmentCall: '`Payment Info Entered` (ours)',
      vendorCall:
        '`trackSingle` `AddPaymentInfo`, parameters as for `Order Completed`',
    },
    {
      segmentCall: '`identify`, `group`, `alias`, `screen`',
      vendorCall: 'nothing',
    },
  ],
  mappedEvents: [
    {
      event: 'Product List Viewed',
      olderNames: ['Viewed Product List'],
      vendorEvent: 'ViewContent',
    },
    {
      event: 'Product Viewed',
      olderNames: ['Viewed Product'],
      vendorEvent: 'ViewContent',
    },
    {
      event: 'Product Added',
      olderNames: ['Added Product'],
      vendorEvent: 'AddToCart',
    },
    {
      event: 'Order Completed',
      olderNames: ['Completed Order'],
      vendorEvent: 'Purchase',
    },
    {
      event: 'Checkout Started',
      olderNames: ['Started Checkout'],
      vendorEvent: 'InitiateCheckout',
    },
    {
      event: 'Products Searched',
      olderNames: ['Searched Products'],
      vendorEvent: 'Search',
    },
    { event: 'Product Added to Wishlist', vendorEvent: 'AddToWishlist' },
    { event: 'Payment Info Entered', vendorEvent: 'AddPaymentInfo' },
  ],
} satisfies IntegrationDocs
