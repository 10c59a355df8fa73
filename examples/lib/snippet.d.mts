export declare const SNIPPET_VERSION: string

/**
 * Renders Segment's minified snippet with `cdnOrigin` (scheme, host, port)
 * in place of `https://cdn.segment.com`; throws on an invalid origin or key.
 */
export declare function renderSnippet(options: {
  cdnOrigin: string
  writeKey: string
  /** Second argument of the snippet's `analytics.load` call. */
  loadOptions?: Record<string, unknown>
}): string

/** Renders the call keeper script, pasted after the snippet. */
export function renderCallKeeper(): string
