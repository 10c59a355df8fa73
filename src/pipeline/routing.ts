import { isPlainObject } from '../message/merge'
import type { IntegrationsOptions, JSONObject } from '../message/types'

/** Names of the first-party destination; `Segment.io` is Segment's. */
export const ENDPOINT_NAMES = ['Clickstream', 'Segment.io'] as const

function lookup(
  names: readonly string[],
  integrations: IntegrationsOptions,
): boolean | JSONObject | undefined {
  for (const name of names) {
    if (integrations[name] !== undefined) return integrations[name]
  }
  // Most calls pass no `integrations` option: skip the case-blind pass.
  const keys = Object.keys(integrations)
  if (keys.length === 0) return undefined
  const lowered = names.map((name) => name.toLowerCase())
  for (const key of keys) {
    if (
      lowered.includes(key.toLowerCase()) &&
      integrations[key] !== undefined
    ) {
      return integrations[key]
    }
  }
  return undefined
}

/**
 * Applies Segment's `integrations` semantics to a client-side destination:
 * its own entry wins (an object counts as enabled), then `All`, then on.
 */
export function isDestinationEnabled(
  names: readonly string[],
  integrations: IntegrationsOptions,
): boolean {
  const own = lookup(names, integrations)
  return own === undefined ? integrations.All !== false : own !== false
}

/**
 * Returns whether the endpoint receives a call. It ignores `All`, because
 * only an explicit `Clickstream: false` or `'Segment.io': false` turns it
 * off: a site that relied on `All: false` to silence client-side tools still
 * sends every event.
 */
export function isEndpointEnabled(integrations: IntegrationsOptions): boolean {
  return lookup(ENDPOINT_NAMES, integrations) !== false
}

/** Returns the per-call options object a call gave a destination, if any. */
export function destinationCallOptions(
  names: readonly string[],
  integrations: IntegrationsOptions,
): JSONObject | undefined {
  const own = lookup(names, integrations)
  return isPlainObject(own) ? own : undefined
}
