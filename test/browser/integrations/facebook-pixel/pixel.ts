// Shared set-up for the Facebook Pixel browser tests: the reference test
// file's settings, loading through the real core against the fbevents.js
// stand-in, and reading the fbq calls one Segment call made.
import facebookPixel from '../../../../integrations/facebook-pixel'
import type { Analytics } from '../../../../src/analytics'
import type { IntegrationFactory } from '../../../../src/integration/types'
import type { LoadOptions } from '../../../../src/options'
import {
  cleanUpDestination,
  loadDestination,
  settle,
  vendorCalls,
} from '../harness'

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

export const factory = facebookPixel as unknown as IntegrationFactory<never>

/** Loads Facebook Pixel with exactly these settings. */
export function loadWithSettings(
  settings: Record<string, unknown>,
  loadOptions: LoadOptions = {},
): Promise<Analytics> {
  return loadDestination(factory, {
    settings,
    standIns: { [SCRIPT_URL]: 'fbevents.js' },
    loadOptions,
  })
}

/** Loads Facebook Pixel with the reference settings and `overrides` over them. */
export function loadPixel(
  overrides: Record<string, unknown> = {},
  loadOptions: LoadOptions = {},
): Promise<Analytics> {
  return loadWithSettings({ ...REFERENCE_SETTINGS, ...overrides }, loadOptions)
}

/** Argument lists of every fbq call the stand-in recorded so far. */
export function fbqCalls(): unknown[][] {
  return vendorCalls('facebook-pixel').map((call) => call.args)
}

export interface CallsOfOne {
  /** The fbq calls the action made, in order. */
  calls: unknown[][]
  /** `{ eventID }` as the pixel gets it: the message's messageId. */
  eventID: { eventID: string | undefined }
}

/**
 * Runs `act`, which makes one Segment call, and returns the fbq calls it
 * led to once `count` have arrived and no more follow.
 */
export async function callsOf(
  analytics: Analytics,
  act: () => unknown,
  count = 1,
): Promise<CallsOfOne> {
  const before = fbqCalls().length
  let messageId: string | undefined
  const onInvoke = (message: { messageId: string }) => {
    messageId ??= message.messageId
  }
  analytics.on('invoke', onInvoke)
  act()
  const deadline = Date.now() + 2000
  while (fbqCalls().length - before < count && Date.now() < deadline) {
    await settle(5)
  }
  await settle(30)
  analytics.off('invoke', onInvoke)
  return { calls: fbqCalls().slice(before), eventID: { eventID: messageId } }
}

export function cleanUpPixel(): void {
  cleanUpDestination(['fbq', '_fbq'])
}
