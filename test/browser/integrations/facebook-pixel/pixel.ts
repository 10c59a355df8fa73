// Shared set-up for the Facebook Pixel browser tests: the reference test
// file's settings, loading through the test kit with its fbevents.js
// stand-in, and reading the fbq calls one Segment call made.
import facebookPixel from '../../../../integrations/facebook-pixel'
import type { SegmentEvent } from '../../../../src/message/types'
import type { LoadOptions } from '../../../../src/options'
import {
  facebookPixelStandIn,
  loadDestination,
  type DestinationTest,
} from '../../../../src/testing'

export const PIXEL_ID = '123123123'
export const SCRIPT_URL = 'https://connect.facebook.net/en_US/fbevents.js'

/** The settings Segment's own test file loads the destination with. */
export const REFERENCE_SETTINGS = {
  automaticConfiguration: true,
  legacyEvents: { legacyEvent: 'asdFrkj' },
  standardEvents: {
    standardEvent: 'standard',
    'booking completed': 'Purchase',
    search: 'Search',
  },
  contentTypes: { Cars: 'vehicle', Snacks: 'food' },
  pixelId: PIXEL_ID,
  agent: 'test',
  initWithExistingTraits: false,
  limitedDataUse: true,
  whitelistPiiProperties: [],
  blacklistPiiProperties: [],
  standardEventsCustomProperties: [],
}

let current: DestinationTest | undefined

/** Loads Facebook Pixel with exactly these settings. */
export async function loadWithSettings(
  settings: Record<string, unknown>,
  loadOptions: LoadOptions = {},
): Promise<DestinationTest> {
  current = await loadDestination(facebookPixel, {
    settings,
    standIns: [facebookPixelStandIn()],
    loadOptions,
  })
  return current
}

/** Loads Facebook Pixel with the reference settings and `overrides` over them. */
export function loadPixel(
  overrides: Record<string, unknown> = {},
  loadOptions: LoadOptions = {},
): Promise<DestinationTest> {
  return loadWithSettings({ ...REFERENCE_SETTINGS, ...overrides }, loadOptions)
}

/** Argument lists of every fbq call the stand-in recorded so far. */
export function fbqCalls(): unknown[][] {
  return (current?.vendorCalls('facebook-pixel') ?? []).map((call) => call.args)
}

export interface CallsOfOne {
  /** The fbq calls the action made, in order. */
  calls: unknown[][]
  /** `{ eventID }` as the pixel gets it: the message's messageId. */
  eventID: { eventID: string | undefined }
}

/**
 * Runs `act`, which makes one Segment call through the kit, and returns the
 * fbq calls it led to once the destination has handled it.
 */
export async function callsOf(
  pixel: DestinationTest,
  act: () => Promise<SegmentEvent>,
): Promise<CallsOfOne> {
  const before = pixel.vendorCalls('facebook-pixel').length
  const message = await act()
  return {
    calls: pixel
      .vendorCalls('facebook-pixel')
      .slice(before)
      .map((call) => call.args),
    eventID: { eventID: message.messageId },
  }
}

/** Ends the current test's destination, for use in afterEach. */
export function cleanUpPixel(): void {
  current?.dispose()
  current = undefined
}

/** Makes `destination` the one `cleanUpPixel` ends and `fbqCalls` reads. */
export function adoptPixel(destination: DestinationTest): DestinationTest {
  current = destination
  return destination
}
