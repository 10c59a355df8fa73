// The demo's client-side destinations: every bundled destination turned on
// with made-up account ids, and the map that points each vendor URL at a
// stand-in on the demo server instead of the vendor's CDN.

/** Floodlight advertiser id of the demo; it becomes a host name label. */
const FLOODLIGHT_SOURCE = 'demo1234'

/** Destination name to options, as a Segment settings file carries them. */
export const DEMO_DESTINATIONS = {
  'Facebook Pixel': { pixelId: '1234567890' },
  'Google Analytics 4': { measurementIds: ['G-DEMO12345'] },
  'Google Tag Manager': { containerId: 'GTM-DEMO1', trackNamedPages: true },
  'Google AdWords New': {
    accountId: 'AW-123456789',
    sendPageView: true,
    clickConversions: [
      { value: { event: 'Order Completed', id: 'purchase-label' } },
    ],
  },
  AdWords: {
    conversionId: '987654321',
    pageRemarketing: true,
    eventMappings: [
      {
        key: 'Order Completed',
        value: { eventName: 'Order Completed', label: 'order-label' },
      },
    ],
  },
  'DoubleClick Floodlight': {
    source: FLOODLIGHT_SOURCE,
    events: [
      {
        key: 'Order Completed',
        value: {
          event: 'Order Completed',
          cat: 'order0',
          type: 'sales0',
          isSalesTag: true,
        },
      },
      {
        key: 'Product Viewed',
        value: { event: 'Product Viewed', cat: 'view0', type: 'counter0' },
      },
    ],
  },
  'Retention Science': { siteId: 'demo-site' },
}

/** Destination name each stand-in reports for pixels the demo server receives. */
export const PIXEL_DESTINATIONS = { floodlight: 'DoubleClick Floodlight' }

/**
 * Returns the `vendorScriptUrl` load option of the demo page: each vendor
 * URL prefix mapped to the demo server, keeping the rest of the URL.
 */
export function vendorUrlMap(origin) {
  const standIns = `${origin}/vendor-stand-ins`
  return {
    'https://connect.facebook.net/en_US/fbevents.js': `${standIns}/fbevents.js`,
    'https://www.googletagmanager.com/gtag/js': `${standIns}/gtag.js`,
    'https://www.googletagmanager.com/gtm.js': `${standIns}/gtm.js`,
    'https://www.googleadservices.com/pagead/conversion_async.js': `${standIns}/google-conversion-async.js`,
    'https://d1stxfv94hrhia.cloudfront.net/waves/v2/w.js': `${standIns}/retention-science.js`,
    [`https://${FLOODLIGHT_SOURCE}.fls.doubleclick.net/`]: `${origin}/vendor-pixels/floodlight/`,
  }
}
