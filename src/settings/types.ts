import type { JSONObject } from '../message/types'
import type { TrackingPlan } from '../pipeline/plan'

/** Settings in the shape of Segment's CDN settings. */
export interface CDNSettings {
  /** Destination name to its options. */
  integrations: Record<string, JSONObject>
  plan?: TrackingPlan
  middlewareSettings?: JSONObject
  [key: string]: unknown
}
