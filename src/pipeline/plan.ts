import { isPlainObject } from '../message/merge'
import type { IntegrationsOptions, JSONObject } from '../message/types'

/** A tracking plan as Segment's settings carry it under `plan`. */
export interface TrackingPlan {
  track?: Record<
    string,
    { enabled?: boolean; integrations?: IntegrationsOptions } | undefined
  >
  identify?: JSONObject
  group?: JSONObject
}

/** Routing for events the plan blocks: the endpoint only, marked for the server side. */
const ENDPOINT_ONLY: IntegrationsOptions = { All: false, 'Segment.io': true }

/**
 * Applies the plan to a track event's `integrations`, as classic
 * analytics.js does. A disabled event, or an unplanned one when
 * `__default.enabled` is false, goes to the endpoint only. A planned
 * event's own `integrations` fill in what the call left unset.
 */
export function applyTrackPlan(
  plan: TrackingPlan | undefined,
  event: string,
  integrations: IntegrationsOptions,
): IntegrationsOptions {
  const events = plan?.track
  if (!isPlainObject(events)) return integrations

  const planned = events[event]
  if ((planned || events.__default)?.enabled === false) {
    return { ...ENDPOINT_ONLY }
  }
  return planned ? { ...planned.integrations, ...integrations } : integrations
}
