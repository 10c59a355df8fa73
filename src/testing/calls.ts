import type { CallOptions, JSONObject, SegmentEvent } from '../message/types'

type Options = CallOptions | null
type Id = string | number | null

/**
 * The analytics.js call shapes, without the callback. Each call resolves
 * with the message it built, once the destination has handled it.
 */
export interface DestinationCalls {
  track(
    event: string,
    properties?: JSONObject | null,
    options?: Options,
  ): Promise<SegmentEvent>

  /** One string is the name; two are the category and the name. */
  page(
    name?: string | null,
    properties?: JSONObject | null,
    options?: Options,
  ): Promise<SegmentEvent>
  page(
    category: string | null,
    name: string | null,
    properties?: JSONObject | null,
    options?: Options,
  ): Promise<SegmentEvent>
  page(properties: JSONObject, options?: Options): Promise<SegmentEvent>

  screen(
    name?: string | null,
    properties?: JSONObject | null,
    options?: Options,
  ): Promise<SegmentEvent>
  screen(
    category: string | null,
    name: string | null,
    properties?: JSONObject | null,
    options?: Options,
  ): Promise<SegmentEvent>
  screen(properties: JSONObject, options?: Options): Promise<SegmentEvent>

  identify(
    userId?: Id,
    traits?: JSONObject | null,
    options?: Options,
  ): Promise<SegmentEvent>
  identify(traits: JSONObject, options?: Options): Promise<SegmentEvent>

  group(
    groupId?: Id,
    traits?: JSONObject | null,
    options?: Options,
  ): Promise<SegmentEvent>
  group(traits: JSONObject, options?: Options): Promise<SegmentEvent>

  alias(
    userId: string | number,
    previousId?: Id,
    options?: Options,
  ): Promise<SegmentEvent>
}
