import type { JSONObject } from '../message/types'
import type { LoadOptions } from '../options'
import { ENDPOINT_NAMES } from '../pipeline/routing'

/**
 * How long a test waits for a destination to load, shorter than the
 * library's 10 s so a stuck load fails a test before mocha's own timeout.
 */
export const TEST_READY_TIMEOUT = 2000

/**
 * Builds the load options of a destination test: the caller's options, with
 * settings that carry the destination's, a shorter `readyTimeout` unless
 * set, and the first-party endpoint off unless the options configure it.
 */
export function testLoadOptions(
  name: string,
  settings: JSONObject,
  options: LoadOptions = {},
): LoadOptions {
  const integrations = options.cdnSettings?.integrations ?? {}
  const endpointConfigured = ENDPOINT_NAMES.some(
    (endpoint) =>
      integrations[endpoint] !== undefined ||
      options.integrations?.[endpoint] !== undefined,
  )
  return {
    readyTimeout: TEST_READY_TIMEOUT,
    ...options,
    integrations: endpointConfigured
      ? options.integrations
      : { 'Segment.io': false, ...options.integrations },
    cdnSettings: {
      ...options.cdnSettings,
      integrations: { ...integrations, [name]: settings },
    },
  }
}
