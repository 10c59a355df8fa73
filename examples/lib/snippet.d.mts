export declare const SNIPPET_VERSION: string

/**
 * Renders Segment's minified snippet with `cdnOrigin` (scheme, host, port)
 * in place of `https://cdn.segment.com`; throws on an invalid origin or key.
 */
export declare function renderSnippet(options: {
  cdnOrigin: string
  writeKey: string
}): string
