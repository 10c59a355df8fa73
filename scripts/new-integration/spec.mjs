// The facts of a new destination that more than one generated file states:
// its placeholder vendor, its option schema, and its docs (the optional
// options' descriptions and the mapping table). index.ts and docs.ts are
// written from these objects, and the README's generated sections are
// rendered from the same objects, so they agree.

/** A version for a destination that has never been released. */
export const FIRST_VERSION = '0.1.0'

/** The vendor calls the placeholder SDK offers, one per Segment call type. */
export const VENDOR_METHODS = [
  'init',
  'track',
  'page',
  'screen',
  'identify',
  'group',
  'alias',
]

/**
 * Returns the placeholder vendor of a destination: a script URL on the
 * reserved `.example` domain, which no real vendor serves, and an API key
 * that its option pattern accepts.
 */
export function placeholderVendor(names, identifiers) {
  const host = `cdn.${names.slug}.example`
  return {
    host,
    sdkUrl: `https://${host}/sdk.js`,
    global: identifiers.vendorGlobal,
    exampleKey: 'abc123',
  }
}

/**
 * Returns the option schema that index.ts declares. Only the required apiKey
 * carries its description there, because the error for a missing value
 * quotes it. destinationDocs describes the others.
 */
export function optionSchema(names, vendor) {
  return {
    apiKey: {
      type: 'string',
      required: true,
      pattern: '^[A-Za-z0-9_-]+$',
      example: vendor.exampleKey,
      description: `${names.name} API key, passed to \`init\`.`,
    },
    trackPages: { type: 'boolean', default: true },
  }
}

/**
 * Returns what docs.ts default-exports: the descriptions of the options that
 * optionSchema leaves out, which no bundle then carries, and the mapping
 * table.
 */
export function destinationDocs(vendor) {
  return {
    optionDescriptions: { trackPages: 'Send page calls.' },
    vendorCallHeading: `\`window.${vendor.global}\` call`,
    mappings: [
      {
        segmentCall: 'load',
        vendorCall: '`init(apiKey)`, once the script has loaded',
      },
      {
        segmentCall: "`track('Signed Up', { plan: 'pro' })`",
        vendorCall: "`track('Signed Up', { plan: 'pro' })`",
      },
      {
        segmentCall: "`page('Docs', 'Home')`",
        vendorCall: "`page('Docs Home', properties)`",
      },
      {
        segmentCall: '`page()` with `trackPages: false`',
        vendorCall: 'nothing',
      },
      {
        segmentCall: "`screen('Home')`",
        vendorCall: "`screen('Home', properties)`",
      },
      {
        segmentCall: "`identify('u-1', { email })`",
        vendorCall: "`identify('u-1', { email, id: 'u-1' })`",
      },
      {
        segmentCall: "`group('g-1', { plan })`",
        vendorCall: "`group('g-1', { plan, id: 'g-1' })`",
      },
      {
        segmentCall: "`alias('u-2', 'u-1')`",
        vendorCall: "`alias('u-2', 'u-1')`",
      },
    ],
    mappedEvents: [],
  }
}
