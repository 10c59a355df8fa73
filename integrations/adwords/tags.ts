import type { Track } from '@segment/facade'
import { readGlobal } from '../../src/global-scope'
import type { JSONObject } from '../../src/message/types'
import { conversionIdOf, type EventMapping } from './mappings'

type TrackConversion = (parameters: JSONObject) => void

/** Calls Google's `google_trackConversion`, which conversion_async.js defines. */
export function trackConversion(parameters: JSONObject): void {
  readGlobal<TrackConversion>('google_trackConversion')?.(parameters)
}

export function conversionTagLoaded(): boolean {
  return typeof readGlobal('google_trackConversion') === 'function'
}

/** Builds a remarketing tag, with `params` as its custom params. */
export function remarketingTag(
  id: string | number,
  params: JSONObject,
): JSONObject {
  return {
    google_conversion_id: conversionIdOf(id),
    google_custom_params: params,
    google_remarketing_only: true,
  }
}

/**
 * Builds the tags one track call sends, in order. Each mapping adds a
 * conversion tag when it has a label, then a remarketing tag when its
 * `remarketing` flag is set. Revenue goes in `google_conversion_value`.
 * From the first conversion tag on, revenue leaves the custom params.
 */
export function trackTags(
  track: Track,
  mappings: EventMapping[],
  defaultId: string,
): JSONObject[] {
  const revenue = Number(track.revenue()) || 0
  let params = track.properties() as JSONObject
  const tags: JSONObject[] = []
  for (const mapping of mappings) {
    const id = mapping.conversionId ?? defaultId
    if (mapping.label) {
      const { revenue: _revenue, ...rest } = params
      params = rest
      tags.push({
        google_conversion_id: conversionIdOf(id),
        google_custom_params: params,
        google_conversion_language: 'en',
        google_conversion_format: '3',
        google_conversion_color: 'ffffff',
        google_conversion_label: mapping.label,
        google_conversion_value: revenue,
        google_remarketing_only: false,
      })
    }
    if (mapping.remarketing) tags.push(remarketingTag(id, params))
  }
  return tags
}
