import type { IntegrationDocs } from '../../src/integration/docs'

/**
 * DoubleClick Floodlight: the option descriptions and what each Segment call
 * becomes, for the README, and the events it maps on its own, for the manifest.
 * index.ts never imports this file, so it ships in no bundle.
 */
export default {
  optionDescriptions: {
    source: 'Advertiser ID (`src`); no tag fires without it.',
    activityTag: 'Activity tag string (`cat`) for tags that set none.',
    groupTag: 'Group tag string (`type`) for tags that set none.',
    events:
      'Segment event to `{ cat, type, customVariable, isSalesTag, ordKey }`.',
    getDoubleClickId: 'Request the DoubleClick ID (cookie matching) pixel.',
    googleNetworkId: 'Google Network ID for the DoubleClick ID pixel.',
    segmentWriteKey: 'Write key sent with the DoubleClick ID pixel.',
    useTransactionCounting:
      'Sales tags send `qty=1` instead of the items sold.',
  },
  vendorCallHeading: 'Floodlight request',
  mappings: [
    {
      segmentCall: 'track mapped to a counter tag',
      vendorCall:
        'iframe `https://<src>.fls.doubleclick.net/activityi;src=<src>;type=<type>;cat=<cat>;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=<random>;u1=…?`',
    },
    {
      segmentCall: 'track mapped to a sales tag (`isSalesTag: true`)',
      vendorCall:
        'the same with `qty=<items>;cost=<revenue>` after `cat`, and `ord=<order ID>`',
    },
    {
      segmentCall: 'page with a name',
      vendorCall: 'as track `Viewed <category> <name> Page`',
    },
    {
      segmentCall:
        'first track or page call, with `getDoubleClickId` and `googleNetworkId`',
      vendorCall:
        'image `https://cm.g.doubleclick.net/pixel?google_nid=<googleNetworkId>&segment_write_key=<segmentWriteKey>&google_hm=<base64 anonymous ID>`',
    },
    {
      segmentCall: 'per-call option `coppaCompliant: true` / `false`',
      vendorCall: '`tag_for_child_directed_treatment=1` / `0`',
    },
    { segmentCall: 'identify, group, alias, screen', vendorCall: 'nothing' },
  ],
  mappedEvents: [],
} satisfies IntegrationDocs
