// Types of size.mjs, for test/e2e/size-budgets.test.ts.

/** Bytes of one bundle's minified code, raw and compressed. */
export interface BundleSizes {
  minified: number
  /** gzip, level 9. */
  gzip: number
  /** brotli, quality 11. */
  brotli: number
}

export interface DestinationSizes extends BundleSizes {
  slug: string
  /** gzip bytes of core + destination, minus the core. */
  addedGzip: number
  /** gzip bytes of core + destination, minus core + facade. */
  addedGzipBeyondFacade: number
}

export interface MeasuredSizes {
  /** The built files dist/analytics.core.min.js and dist/analytics.min.js. */
  files: { core: BundleSizes; full: BundleSizes }
  /** The core, rebuilt from dist/esm. */
  core: BundleSizes
  /** The core with a destination that only reads the facade. */
  withFacade: BundleSizes
  destinations: DestinationSizes[]
  /** The npm entry with one destination; null when not asked for. */
  spa: (BundleSizes & { destination: string }) | null
}

export declare const SPA_DESTINATION: string

export declare function compressedSizes(code: string | Buffer): BundleSizes

export declare function fileSizes(file: string): BundleSizes

export declare function measureSizes(
  root: string,
  options?: {
    onBundle?: (label: string) => void
    /** Slugs to measure; default every folder of dist/esm/integrations. */
    destinations?: string[]
    /** Default true. */
    spa?: boolean
  },
): Promise<MeasuredSizes>
