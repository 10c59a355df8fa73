import type { IntegrationDocs } from '../../src/integration/docs'

/**
 * Retention Science: the option descriptions and what each Segment call
 * becomes, for the README, and the events it maps on its own, for the manifest.
 * index.ts never imports this file, so it ships in no bundle.
 */
export default {
  optionDescriptions: {
    siteId: 'Retention Science site ID, sent as `_setSiteId`.',
    enableOnSite: 'Send `_enableOnsite` (on-site features) with every call.',
    customMappings: 'Segment event to the action sent as `_setAction`.',
    reservedMappings: 'Segment event to `shopping_cart` or `checkout_success`.',
  },
  vendorCallHeading: "`_rsq` commands after the visitor's",
  mappings: [
    { segmentCall: 'page', vendorCall: "`['_track']`" },
    {
      segmentCall: 'track Product Viewed (or Viewed Product)',
      vendorCall: "`['_addItem', { id, name, price }]`, `['_track']`",
    },
    {
      segmentCall: 'track Product Added (or Added Product)',
      vendorCall:
        "one `_addItem` per product in `products`, else for the properties; `['_setAction', 'shopping_cart']`, `['_track']`",
    },
    {
      segmentCall: 'track Order Completed (or Completed Order)',
      vendorCall:
        "`['_addOrder', { id: order ID, total: revenue }]`, one `_addItem` per product, `['_setAction', 'checkout_success']`, `['_track']`",
    },
    {
      segmentCall: 'track mapped by `reservedMappings`',
      vendorCall:
        'as Product Added for `shopping_cart`, as Order Completed for `checkout_success`; other values send nothing',
    },
    {
      segmentCall: 'track mapped by `customMappings`',
      vendorCall:
        "`['_setAction', action]`, `['_setParams', properties]`, `['_track']` for each action",
    },
    {
      segmentCall: 'any other track',
      vendorCall:
        "`['_setAction', event name]`, `['_setParams', properties]`, `['_track']`",
    },
    {
      segmentCall: 'identify',
      vendorCall: 'nothing is sent; the email is kept for the calls after it',
    },
    { segmentCall: 'group, alias, screen', vendorCall: 'nothing' },
  ],
  mappedEvents: [
    {
      event: 'Product Viewed',
      olderNames: ['Viewed Product'],
      vendorEvent: '_addItem',
    },
    {
      event: 'Product Added',
      olderNames: ['Added Product'],
      vendorEvent: 'shopping_cart',
    },
    {
      event: 'Order Completed',
      olderNames: ['Completed Order'],
      vendorEvent: 'checkout_success',
    },
  ],
} satisfies IntegrationDocs
