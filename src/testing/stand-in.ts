import { getLocation, getWindow } from '../global-scope'
import type { LoadKind } from '../integration/loader'
import { recordVendorCall, type VendorCall } from './vendor-calls'

/** A vendor URL that a destination asked the loader for. */
export interface VendorRequest {
  /** The tag the loader would insert. */
  element: LoadKind
  /** The URL, after any `vendorScriptUrl` rewrite. */
  url: string
}

/**
 * A recording replacement for one vendor's script or pixel. When a
 * destination loads a URL that the stand-in matches, the test kit inserts
 * no tag: it calls `install` where the vendor's script would run, and the
 * load succeeds.
 */
export interface StandIn {
  /** The `vendor` of the calls it records, e.g. `facebook-pixel`. */
  readonly vendor: string
  /** Returns whether it replaces the requested URL. */
  matches(request: VendorRequest): boolean
  /** Sets up the vendor's global API, recording each call it receives. */
  install(request: VendorRequest): void
  /** Deletes the globals that the vendor API and its destination added. */
  remove(): void
}

/** The context a stand-in's `install` receives. */
export interface StandInContext {
  request: VendorRequest
  /** The URL's query parameters, which some scripts read (gtag.js reads `l`). */
  params: URLSearchParams
  /** The page's global scope (`window`). */
  page: Record<string, unknown>
  /** Records one call that the vendor API received. */
  record(args: unknown[], fields?: Pick<VendorCall, 'dataLayer'>): void
  /** Makes `remove` delete one more global, e.g. a data layer the URL names. */
  removeOnDispose(global: string): void
}

export interface StandInSpec {
  vendor: string
  /**
   * The URLs it replaces: a string matches URLs that start with it, a
   * regular expression those it matches.
   */
  urls: ReadonlyArray<string | RegExp>
  /** The tags it replaces. Default `['script']`. */
  elements?: readonly LoadKind[]
  /** Globals that `remove` deletes: the vendor API and its destination's stub. */
  globals: readonly string[]
  /** Does what the vendor's script does to its global API, and records. */
  install(context: StandInContext): void
}

/** Makes a stand-in from the vendor's URLs, globals and recording API. */
export function defineStandIn(spec: StandInSpec): StandIn {
  const elements = spec.elements ?? ['script']
  const globals = new Set(spec.globals)

  return {
    vendor: spec.vendor,
    matches: ({ element, url }) =>
      elements.includes(element) &&
      spec.urls.some((pattern) =>
        typeof pattern === 'string'
          ? url.startsWith(pattern)
          : pattern.test(url),
      ),
    install(request) {
      const page = getWindow() as unknown as Record<string, unknown>
      spec.install({
        request,
        params: new URL(request.url, getLocation()?.href).searchParams,
        page,
        record: (args, fields) =>
          recordVendorCall({ vendor: spec.vendor, args, ...fields }),
        removeOnDispose: (global) => globals.add(global),
      })
    },
    remove() {
      const page = getWindow()
      if (!page) return
      for (const global of globals) Reflect.deleteProperty(page, global)
    },
  }
}

/**
 * Wraps whatever `push` the array has, so `observe` receives each later
 * entry after it lands. A second stand-in on the same array (gtag.js and
 * gtm.js share `dataLayer`) wraps the first one's push, so both receive
 * every entry.
 */
export function observePush(
  list: unknown[],
  observe: (entry: unknown) => void,
): void {
  const previousPush = list.push
  list.push = function (...entries: unknown[]): number {
    const length = previousPush.apply(list, entries)
    for (const entry of entries) observe(entry)
    return length
  }
}
