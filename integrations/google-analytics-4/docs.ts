import type { IntegrationDocs } from '../../src/integration/docs'

/**
 * Google Analytics 4: what each Segment call becomes and most option
 * descriptions, for the README, and the events it maps on its own, for the
 * manifest. index.ts never imports this file, so it ships in no bundle.
 */
export default {
  // measurementIds keeps its description in index.ts, where the error for a
  // missing value quotes it.
  optionDescriptions: {
    cookieDomainName:
      'Domain of the _ga cookies (`cookie_domain`). Default auto.',
    cookiePrefix: 'Prefix of the cookie names (`cookie_prefix`). Default _ga.',
    cookieExpiration:
      'Cookie lifetime in seconds (`cookie_expires`). Default two years.',
    cookieUpdate:
      'Renew the cookie expiry on each page load (`cookie_update`). Default true.',
    cookieFlags:
      'Extra cookie attributes, e.g. `SameSite=None;Secure` (`cookie_flags`). Default none.',
    sendAutomaticPageViewEvent:
      'Let gtag.js send its own page_view on load (`send_page_view`); page calls then send none. Default false.',
    allowAllAdvertisingFeatures:
      'Google signals (`allow_google_signals`). Default false.',
    allowAdvertisingPersonalization:
      'Ad personalization (`allow_ad_personalization_signals`). Default false.',
    disableGoogleAnalytics: 'Load nothing and send nothing. Default false.',
    googleReportingIdentity:
      "The property's reporting identity: `userIdAndDevice` or `userIdSignalsAndDevice` send the user id as `user_id`. Default device.",
    userProperties:
      'Identify fields to GA4 user properties, e.g. `{ "traits.plan": "plan" }`.',
    customEventsAndParameters:
      'Track events to GA4 events: `[{ segmentEvent, googleEvent, parameters: [{ key: "properties.title", value: "title" }] }]`. A mapped event is sent as mapped, instead of its recommended event.',
  },
  vendorCallHeading: 'gtag call',
  mappings: [
    { segmentCall: 'load', vendorCall: "`gtag('js', new Date())`" },
    {
      segmentCall: 'load, `cookieFlags` set',
      vendorCall: "`gtag('set', { cookie_flags })`",
    },
    {
      segmentCall: 'load',
      vendorCall:
        "`gtag('set', 'allow_google_signals', allowAllAdvertisingFeatures)`, `gtag('set', 'allow_ad_personalization_signals', allowAdvertisingPersonalization)`",
    },
    {
      segmentCall: 'load',
      vendorCall:
        "`gtag('config', id, { send_page_view, cookie_update, cookie_domain, cookie_prefix, cookie_expires })` for each measurement ID, then gtag.js is requested",
    },
    {
      segmentCall: '`page()`',
      vendorCall:
        "`gtag('event', 'page_view', { page_location, page_referrer, page_title })` from the `url` and `referrer` properties and the full name, else the `title`",
    },
    {
      segmentCall: '`page()`, `sendAutomaticPageViewEvent: true`',
      vendorCall: 'nothing',
    },
    {
      segmentCall: '`track` of an event in `customEventsAndParameters`',
      vendorCall:
        "`gtag('event', googleEvent, { <value>: <field at key>, … })` for each entry that maps it",
    },
    {
      segmentCall: '`track` of a spec event (below), not mapped',
      vendorCall: "`gtag('event', <recommended event>, <parameters>)`",
    },
    {
      segmentCall: 'any other `track`',
      vendorCall: 'nothing (debug mode says why)',
    },
    {
      segmentCall: '`identify`',
      vendorCall:
        "`gtag('set', 'user_properties', { <user property>: <field>, … })` when a mapped field has a value",
    },
    {
      segmentCall: '`group`',
      vendorCall: "`gtag('event', 'join_group', { group_id })`",
    },
    {
      segmentCall: 'any call, User-ID reporting identity',
      vendorCall:
        "first `gtag('set', { user_id })`, when the call's user id differs from the last one sent; `user_id: null` after `reset()`",
    },
    { segmentCall: '`alias`, `screen`', vendorCall: 'nothing' },
    {
      segmentCall: 'Products Searched',
      vendorCall: '`search`: `search_term` ← `query`',
    },
    {
      segmentCall: 'Product List Viewed, Product List Filtered',
      vendorCall:
        '`view_item_list`: `item_list_id` ← `list_id`, `item_list_name` ← `category`, `items` ← `products`',
    },
    {
      segmentCall: 'Product Clicked',
      vendorCall: '`select_item`: `items` ← the product',
    },
    {
      segmentCall: 'Product Viewed, Added, Removed, Added to Wishlist',
      vendorCall:
        '`view_item`, `add_to_cart`, `remove_from_cart`, `add_to_wishlist`: `currency`, `value`, `items` ← the product',
    },
    {
      segmentCall: 'Product Shared',
      vendorCall:
        "`share`: `method` ← `share_via`, `content_type: 'product'`, `item_id` ← the product id",
    },
    {
      segmentCall: 'Cart Viewed',
      vendorCall: '`view_cart`: `currency`, `value`, `items` ← `products`',
    },
    {
      segmentCall: 'Cart Shared',
      vendorCall:
        "`share`: `method` ← `share_via`, `content_type: 'cart'`, `item_id` ← `cart_id`",
    },
    {
      segmentCall: 'Checkout Started',
      vendorCall:
        '`begin_checkout`: `currency`, `value`, `coupon`, `items` ← `products`',
    },
    {
      segmentCall: 'Payment Info Entered',
      vendorCall:
        '`add_payment_info`: as Checkout Started, and `payment_type` ← `payment_method`',
    },
    {
      segmentCall: 'Order Completed, Order Refunded',
      vendorCall:
        '`purchase`, `refund`: `transaction_id` ← `order_id`, `affiliation`, `currency`, `value`, `tax`, `shipping`, `coupon`, `items` ← `products`',
    },
    {
      segmentCall: 'Promotion Viewed, Promotion Clicked',
      vendorCall:
        '`view_promotion`, `select_promotion`: `promotion_id`, `promotion_name` ← `name`, `creative_name` ← `creative`, `creative_slot` ← `position`',
    },
    {
      segmentCall: 'Signed Up, Logged In',
      vendorCall: '`sign_up`, `login`: `method`',
    },
  ],
  mappedEvents: [
    { event: 'Products Searched', vendorEvent: 'search' },
    { event: 'Product List Viewed', vendorEvent: 'view_item_list' },
    { event: 'Product List Filtered', vendorEvent: 'view_item_list' },
    { event: 'Product Clicked', vendorEvent: 'select_item' },
    { event: 'Product Viewed', vendorEvent: 'view_item' },
    { event: 'Product Added', vendorEvent: 'add_to_cart' },
    { event: 'Product Removed', vendorEvent: 'remove_from_cart' },
    { event: 'Product Added to Wishlist', vendorEvent: 'add_to_wishlist' },
    { event: 'Product Shared', vendorEvent: 'share' },
    { event: 'Cart Viewed', vendorEvent: 'view_cart' },
    { event: 'Cart Shared', vendorEvent: 'share' },
    { event: 'Checkout Started', vendorEvent: 'begin_checkout' },
    { event: 'Payment Info Entered', vendorEvent: 'add_payment_info' },
    { event: 'Order Completed', vendorEvent: 'purchase' },
    { event: 'Order Refunded', vendorEvent: 'refund' },
    { event: 'Promotion Viewed', vendorEvent: 'view_promotion' },
    { event: 'Promotion Clicked', vendorEvent: 'select_promotion' },
    { event: 'Signed Up', vendorEvent: 'sign_up' },
    { event: 'Logged In', vendorEvent: 'login' },
  ],
} satisfies IntegrationDocs
