// The stand-in scripts of test/fixtures/vendors, as karma's test server
// serves them (test/karma/test-server.cjs). Tests about real script
// injection rewrite vendor URLs to them with the `vendorScriptUrl` load
// option; the test kit's in-page stand-ins cover the rest.

/**
 * URL of a stand-in script served from test/fixtures/vendors. The vendor
 * URL's query string is kept, because some scripts read their own
 * parameters (gtag.js and gtm.js take their data layer's name from `l`).
 */
export function standInUrl(file: string, vendorUrl = ''): string {
  const query = /\?[^#]*/.exec(vendorUrl)?.[0] ?? ''
  return `/__test__/stand-ins/${file}${query}`
}
