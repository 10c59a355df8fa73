import { Analytics } from '../../../src/analytics'
import {
  resetLoadedScripts,
  setVendorUrlRewrite,
} from '../../../src/integration/loader'
import type { IntegrationFactory } from '../../../src/integration/types'
import type { LoadOptions } from '../../../src/options'
import { collectorSettings } from '../analytics/test-server'

/** One call a stand-in vendor script recorded (see test/fixtures/vendors/README.md). */
export interface VendorCall {
  vendor: string
  args: unknown[]
  /** The data layer a gtag.js or gtm.js stand-in read the call from. */
  dataLayer?: string
}

interface StandInWindow {
  __vendorCalls?: VendorCall[]
}

/**
 * URL of a stand-in script served from test/fixtures/vendors. The vendor
 * URL's query string is kept, because some scripts read their own
 * parameters (gtag.js and gtm.js take their data layer's name from `l`).
 */
export function standInUrl(file: string, vendorUrl = ''): string {
  const query = /\?[^#]*/.exec(vendorUrl)?.[0] ?? ''
  return `/__test__/stand-ins/${file}${query}`
}

export interface DestinationLoad {
  /** Destination settings, as Segment's settings carry them. */
  settings: Record<string, unknown>
  /** Vendor URL prefix to the stand-in file that replaces it. */
  standIns: Record<string, string>
  loadOptions?: LoadOptions
}

/**
 * Loads one destination through the real core, with its vendor scripts
 * replaced by stand-ins and the endpoint pointed at the test collector, and
 * resolves once `ready` settles.
 */
export async function loadDestination(
  factory: IntegrationFactory<never>,
  { settings, standIns, loadOptions = {} }: DestinationLoad,
): Promise<Analytics> {
  const analytics = new Analytics([factory as unknown as IntegrationFactory])
  analytics.load(`integration-test-${Date.now()}-${Math.random()}`, {
    cdnSettings: {
      integrations: {
        ...collectorSettings(),
        [factory.integrationName]: settings,
      },
    },
    vendorScriptUrl: (url) => {
      for (const [prefix, file] of Object.entries(standIns)) {
        if (url.startsWith(prefix)) return standInUrl(file, url)
      }
      return url
    },
    ...loadOptions,
  })
  await analytics.ready()
  return analytics
}

/** Calls the stand-ins recorded so far, optionally for one vendor only. */
export function vendorCalls(vendor?: string): VendorCall[] {
  const calls = (window as unknown as StandInWindow).__vendorCalls ?? []
  return vendor ? calls.filter((call) => call.vendor === vendor) : calls
}

/** Lets queued microtasks and destination promises run. */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Removes what a destination test left on the page: injected scripts,
 * recorded calls and the named vendor globals.
 */
export function cleanUpDestination(globals: string[]): void {
  for (const script of Array.from(
    document.querySelectorAll('script[src*="/__test__/"]'),
  )) {
    script.remove()
  }
  const scope = window as unknown as Record<string, unknown>
  for (const name of [...globals, '__vendorCalls']) delete scope[name]
  resetLoadedScripts()
  setVendorUrlRewrite(undefined)
}
