import type { IntegrationDocs } from '../../src/integration/docs'

/**
 * Google Tag Manager: what each Segment call becomes, for the README, and the
 * events it maps on its own, for the manifest. index.ts never imports this
 * file, so it ships in no bundle.
 */
export default {
  vendorCallHeading: 'data layer push',
  mappings: [
    {
      segmentCall: 'load',
      vendorCall:
        "`{ 'gtm.start': <ms since 1970>, event: 'gtm.js' }`, then the container is requested",
    },
    {
      segmentCall: "`track('Signed Up', { plan: 'pro' })`",
      vendorCall:
        "`{ plan: 'pro', userId, segmentAnonymousId, event: 'Signed Up' }`",
    },
    {
      segmentCall: '`page()` with `trackAllPages: true`',
      vendorCall:
        "`{ ...properties, userId, segmentAnonymousId, event: 'Loaded a Page' }`",
    },
    {
      segmentCall: "`page('Docs', 'Home')`, `trackCategorizedPages` on",
      vendorCall:
        "`{ ...properties, userId, segmentAnonymousId, event: 'Viewed Docs Page' }`",
    },
    {
      segmentCall:
        "`page('Home')` or `page('Docs', 'Home')`, `trackNamedPages` on",
      vendorCall:
        "`{ ...properties, userId, segmentAnonymousId, event: 'Viewed Home Page' }` or `'Viewed Docs Home Page'`",
    },
    {
      segmentCall: '`page()` without name or category, `trackAllPages` off',
      vendorCall: 'nothing (debug mode says why)',
    },
    {
      segmentCall: '`identify`, `group`, `alias`, `screen`',
      vendorCall: 'nothing',
    },
  ],
  mappedEvents: [],
} satisfies IntegrationDocs
