import { Analytics } from '../../../src/analytics'
import type { SegmentEvent, JSONObject } from '../../../src/message/types'
import type { LoadOptions } from '../../../src/options'
import { startCollector, type Collector } from '../../helpers/collector'
import {
  recordingIntegration,
  type RecordedCall,
} from '../../fixtures/recording-destination'

export const DESTINATIONS = ['Mixpanel', 'Amplitude', 'Google Analytics 4']

export interface Harness {
  analytics: Analytics
  calls: RecordedCall[]
  routed: SegmentEvent[]
  collector: Collector
  callsTo(destination: string): RecordedCall[]
}

let open: Harness[] = []

/**
 * Loads an instance with three recording destinations and the endpoint
 * pointed at a real collector on 127.0.0.1.
 */
export async function loadHarness(
  extraSettings: Record<string, JSONObject> = {},
  options: LoadOptions = {},
  prepare?: (analytics: Analytics) => void,
): Promise<Harness> {
  const collector = await startCollector()
  const calls: RecordedCall[] = []
  const analytics = new Analytics(
    DESTINATIONS.map((name) => recordingIntegration(name, calls)),
  )
  const routed: SegmentEvent[] = []
  analytics.on('invoke', (message) => routed.push(message))
  prepare?.(analytics)

  const integrations: Record<string, JSONObject> = {
    'Segment.io': { apiHost: collector.apiHost, protocol: 'http' },
    Mixpanel: {},
    Amplitude: {},
    'Google Analytics 4': {},
    ...extraSettings,
  }
  analytics.load('test-write-key', {
    cdnSettings: { integrations },
    ...options,
  })
  const harness: Harness = {
    analytics,
    calls,
    routed,
    collector,
    callsTo: (destination) =>
      calls.filter((call) => call.destination === destination),
  }
  open.push(harness)
  return harness
}

/**
 * Stops every instance a test loaded, then closes its collector. The
 * endpoint is disposed first, so no retry writes to storage or the console
 * after the test.
 */
export async function closeHarnesses(): Promise<void> {
  const closing = open
  open = []
  for (const harness of closing) disposeEndpoint(harness.analytics)
  await Promise.all(closing.map((harness) => harness.collector.close()))
}

/** Disposes an instance's delivery engine; tests only. */
export function disposeEndpoint(analytics: Analytics): void {
  const internals = analytics as unknown as {
    dispatcher: { endpoint?: { dispose(): void } }
  }
  internals.dispatcher.endpoint?.dispose()
}

export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
