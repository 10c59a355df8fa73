import {
  buildSettings,
  DEMO_DELIVERY_STRATEGY,
  type SettingsContext,
} from '../../../examples/demo-server.mjs'

export const WRITE_KEY = 'e2eWriteKey'

/** Host names the tests use; Chromium resolves each to 127.0.0.1. */
export const HOSTS = {
  shop: 'shop.example.test',
  cdn: 'cdn.example.test',
  api: 'api.example.test',
}

/**
 * Backoff short enough for tests: retries start after 0.1 s and wait at
 * most 1 s, instead of the SDK's defaults of 0.5 s and 60 s.
 */
const FAST_RETRY = {
  backoffConfig: { baseBackoffInterval: 0.1, maxBackoffInterval: 1 },
}

export function apiHostOf(context: SettingsContext): string {
  return `${HOSTS.api}:${new URL(context.origin).port}/v1`
}

/** Builds settings that send each event in its own request (`/v1/t`, `/v1/p`...). */
export function perEventSettings(context: SettingsContext): object {
  return buildSettings({
    writeKey: context.writeKey,
    apiHost: apiHostOf(context),
    deliveryStrategy: { strategy: 'standard' },
    httpConfig: FAST_RETRY,
  })
}

/** Builds the demo's batching settings, with the collector on its test host. */
export function batchingSettings(context: SettingsContext): object {
  return buildSettings({
    writeKey: context.writeKey,
    apiHost: apiHostOf(context),
    deliveryStrategy: DEMO_DELIVERY_STRATEGY,
    httpConfig: FAST_RETRY,
  })
}
