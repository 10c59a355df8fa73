import { getDocument, getLocation } from '../global-scope'
import type { LoadInterceptor, LoadKind } from '../integration/loader'
import type { StandIn, VendorRequest } from './stand-in'

/** The loads the kit's interceptor handled, for `vendorRequests()` and clean-up. */
export interface InterceptedLoads {
  requests: VendorRequest[]
  /** URLs loaded for real, such as stand-in files served on the page's origin. */
  passedThrough: Set<string>
  /** Set by `dispose()`: a stand-in whose script has not run yet never runs. */
  stopped: boolean
}

/**
 * Returns the loader interceptor of one destination test: a URL that a
 * stand-in matches runs the stand-in, a URL on the page's origin loads as
 * usual, and any other URL fails to load, so no test reaches a vendor's
 * server.
 */
export function createInterceptor(
  standIns: readonly StandIn[],
  seen: InterceptedLoads,
): LoadInterceptor {
  return (element, url) => {
    const request: VendorRequest = { element, url }
    seen.requests.push(request)
    const standIn = standIns.find((candidate) => candidate.matches(request))
    if (standIn)
      return runStandIn(element, () => {
        if (seen.stopped)
          throw new Error(
            `The destination test was disposed before the stand-in for ${url} ran.`,
          )
        standIn.install(request)
      })
    if (isSameOrigin(url)) {
      seen.passedThrough.add(url)
      return undefined
    }
    return Promise.reject(
      new Error(
        `No stand-in matches the ${element} ${url}, so the test kit did not load it. ` +
          "Pass a stand-in for it in standIns, or rewrite it to a file on the test page's origin with loadOptions.vendorScriptUrl.",
      ),
    )
  }
}

/**
 * Runs a stand-in where the tag would have loaded and resolves with a tag
 * that is never inserted. A script runs in a later task, as an injected
 * script does; an image or iframe request counts at once, as setting `src`
 * sends it.
 */
function runStandIn<K extends LoadKind>(
  element: K,
  install: () => void,
): Promise<HTMLElementTagNameMap[K]> {
  const tag = (getDocument() as Document).createElement(element)
  return new Promise((resolve, reject) => {
    const run = () => {
      try {
        install()
        resolve(tag)
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    }
    if (element === 'script') setTimeout(run, 0)
    else run()
  })
}

function isSameOrigin(url: string): boolean {
  const location = getLocation()
  if (!location) return false
  return new URL(url, location.href).origin === location.origin
}
