import type { IntegrationDocs } from '../../src/integration/docs'

/**
 * Google Tag Manager: the optional options' descriptions and what each Segment
 * call becomes, for the README, and the events it maps on its own, for the
 * manifest. index.ts never imports this file, so it ships in no bundle.
 */
export default {
  optionDescriptions: {
    environment:
      'Environment to load: its `gtm_preview` value (env-2), or the query string of its snippet (gtm_auth=...&gtm_preview=env-2&gtm_cookies_win=x). Default none: the live container.',
    fullURLpath:
      'Host and path to load the container script from instead of Google (a first-party or server-side tagging domain), e.g. `gtm.example.com/gtm.js`. Default none: Google.',
    trackNamedPages:
      'Push `Viewed <Name> Page` for page calls with a name. Default true.',
    trackCategorizedPages:
      'Push `Viewed <Category> Page` for page calls with a category. Default true.',
    trackAllPages: 'Push `Loaded a Page` for every page call. Default false.',
  },
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
