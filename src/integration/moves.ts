import { moveAdwordsToGoogleAds } from '../../integrations/google-ads/from-adwords'
import type { JSONObject } from '../message/types'

/** The result of moving one destination's options. */
export interface MovedOptions {
  /** Options for the destination moved to. */
  options: JSONObject
  /** One line per option moved, converted, or left without an equivalent. */
  changes: string[]
}

/**
 * A move of settings from one destination to another that replaces it.
 * Loading never performs one; `clickstream migrate-settings --to` does.
 */
export interface DestinationMove {
  /** Catalogue name of the destination moved from. */
  from: string
  /** Catalogue name of the destination moved to. */
  to: string
  /** Pure: returns new options and never mutates its argument. */
  move(options: JSONObject): MovedOptions
}

export const DESTINATION_MOVES: readonly DestinationMove[] = [
  {
    from: 'AdWords',
    to: 'Google AdWords New',
    move: moveAdwordsToGoogleAds,
  },
]
