import type { Analytics } from '../analytics'
import { describe } from '../arguments'
import { isBrowser } from '../global-scope'
import type {
  DestinationStatus,
  IntegrationFactory,
} from '../integration/types'
import { isPlainObject } from '../message/merge'
import type { LoadOptions } from '../options'
import type { DestinationCalls } from './calls'
import { RunningDestination } from './running-destination'
import type { StandIn, VendorRequest } from './stand-in'
import type { VendorCall } from './vendor-calls'

/**
 * A destination factory of any options type, such as a destination's
 * default export: the kit passes it the settings as they come, and the
 * destination's schema checks them.
 */
export type AnyDestinationFactory = IntegrationFactory<never>

export interface DestinationTestOptions {
  /**
   * The destination's options, as the `integrations` entry of Segment's
   * settings carries them. Its option schema checks them at load.
   */
  settings: Record<string, unknown>
  /**
   * Stand-ins for the vendor URLs the destination loads. Default: one for
   * each vendor of the bundled destinations. A URL on the page's origin
   * that none matches, such as a file `loadOptions.vendorScriptUrl` points
   * to, loads as usual. Any other URL fails to load, so a test never
   * reaches a vendor's server.
   */
  standIns?: readonly StandIn[]
  /**
   * Options for `analytics.load`. The kit adds settings that carry
   * `settings`, sets `readyTimeout` to 2000 ms unless given, and turns the
   * first-party endpoint off unless these options configure it.
   * NOTE: a `disable` option that turns analytics off keeps the destination
   * from loading, so `loaded` never settles.
   */
  loadOptions?: LoadOptions
  /** Milliseconds an awaited call may take before it fails. Default 2000. */
  callTimeout?: number
}

/**
 * One destination running in the real core, with its vendor scripts
 * replaced by recording stand-ins. Its call methods take analytics.js
 * arguments and resolve with the built message once the destination has
 * handled it. When the destination threw, they reject with its own error.
 */
export interface DestinationTest extends DestinationCalls {
  /** The destination's catalogue name, e.g. `Facebook Pixel`. */
  readonly name: string
  /**
   * The Analytics instance the destination runs in. Its calls are not
   * awaited, so a test can make calls while the destination loads.
   */
  readonly analytics: Analytics
  /** Settles with the status once the destination loaded, failed or timed out. */
  readonly loaded: Promise<DestinationStatus | undefined>
  /** The error the destination's load threw, e.g. its invalid-option message. */
  readonly loadError: Error | undefined
  /**
   * The destination's status; undefined when the `integrations` load option
   * turned it off.
   */
  status(): DestinationStatus | undefined
  /** The calls the stand-ins recorded since the start or `reset()`. */
  vendorCalls(vendor?: string): VendorCall[]
  /** Every script, image and iframe URL the destination asked to load. */
  vendorRequests(): VendorRequest[]
  /** Forgets the recorded calls and requests; the destination stays loaded. */
  reset(): void
  /**
   * Removes the tags loaded from the page's origin, the vendor globals (the
   * stand-ins' own, and every window property added since the start), the
   * recorded calls and the stored identity, and restores the loader. Safe
   * to call twice.
   */
  dispose(): void
}

let running: DestinationTest | undefined

/**
 * Starts one destination with the given settings and returns at once, so a
 * test can make calls on `analytics` while it loads. Await `loaded` before
 * awaiting a call. Only one destination test runs at a time, because the
 * loader and the vendor globals belong to the page.
 */
export function startDestination(
  factory: AnyDestinationFactory,
  options: DestinationTestOptions,
): DestinationTest {
  return start('startDestination', factory, options)
}

/**
 * Starts one destination and resolves once it loaded, failed or timed out.
 * A destination that failed still resolves: `loadError` has its message,
 * and awaited calls reject with it.
 */
export async function loadDestination(
  factory: AnyDestinationFactory,
  options: DestinationTestOptions,
): Promise<DestinationTest> {
  const test = start('loadDestination', factory, options)
  await test.loaded
  return test
}

function start(
  caller: string,
  factory: AnyDestinationFactory,
  options: DestinationTestOptions,
): DestinationTest {
  checkFactory(caller, factory)
  const settings = options?.settings
  if (!isPlainObject(settings)) {
    throw new TypeError(
      `${caller}: invalid settings ${describe(settings)}. Pass ${factory.integrationName}'s options as an object, as the integrations entry of Segment's settings carries them.`,
    )
  }
  if (!isBrowser()) {
    throw new Error(
      `${caller} needs a DOM: run the test in a browser, or register happy-dom (@happy-dom/global-registrator) first.`,
    )
  }
  if (running) {
    throw new Error(
      `${caller}: the test of ${running.name} is still running. Call its dispose(), e.g. in afterEach, before starting another.`,
    )
  }
  const test = new RunningDestination(factory, { ...options, settings }, () => {
    if (running === test) running = undefined
  })
  running = test
  return test
}

function checkFactory(caller: string, factory: unknown): void {
  const candidate = factory as Partial<IntegrationFactory> | undefined
  if (
    typeof factory === 'function' &&
    typeof candidate?.integrationName === 'string' &&
    candidate.integrationName !== '' &&
    Array.isArray(candidate.aliases)
  ) {
    return
  }
  const received =
    typeof factory === 'function'
      ? 'a function without integrationName'
      : describe(factory)
  throw new TypeError(
    `${caller}: expected a destination factory, received ${received}. Pass a destination's default export, e.g. from clickstream-analytics/integrations/<slug>, or a factory made by defineIntegration.`,
  )
}
