// Floodlight's pixels rewritten to a file on karma's test server, for the
// tests that check real requests: the test reads each request back from
// the page's resource timing entries.
import { standInUrl } from '../served-stand-ins'

/** URL the Floodlight pixels load instead of doubleclick.net. */
const TARGET = standInUrl('doubleclick-floodlight.js')
const PIXEL_URL = /^https:\/\/[^/]*doubleclick\.net[/:]/i

/**
 * Rewrites Floodlight's iframe and image URLs to the stand-in, with the
 * requested URL as the query string (a `vendorScriptUrl` load option).
 */
export function rewritePixel(url: string): string {
  if (!PIXEL_URL.test(url)) return url
  return `${TARGET}?${encodeURIComponent(url)}`
}

/**
 * One pixel request, the shape the test kit's Floodlight stand-in records
 * as its call's argument.
 */
export interface PixelRequest {
  /** The element that made the request: `iframe` or `img`. */
  element: string
  /** The URL the destination requested, before the rewrite. */
  url: string
}

/** Returns the pixel requests the page has completed so far, oldest first. */
export function pixelRequests(): PixelRequest[] {
  const marker = `${TARGET}?`
  return performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.includes(marker))
    .map((entry) => ({
      element: (entry as PerformanceResourceTiming).initiatorType,
      url: decodeURIComponent(
        entry.name.slice(entry.name.indexOf(marker) + marker.length),
      ),
    }))
}

/** Waits until `count` pixel requests completed, then returns them all. */
export async function waitForPixels(
  count: number,
  timeoutMs = 2000,
): Promise<PixelRequest[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const requests = pixelRequests()
    if (requests.length >= count) return requests
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${count} pixel requests, saw ${JSON.stringify(requests)}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Forgets recorded requests and removes the iframes the tags added. */
export function resetPixels(): void {
  performance.clearResourceTimings()
  for (const frame of Array.from(
    document.querySelectorAll(`iframe[src*="${TARGET}"]`),
  )) {
    frame.remove()
  }
}
