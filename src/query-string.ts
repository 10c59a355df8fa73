import type { Analytics } from './analytics'
import { getLocation } from './global-scope'
import { parseQuery } from './message/campaign'
import { setOwn } from './message/merge'
import type { JSONObject } from './message/types'
import type { QueryStringOption } from './options'

/**
 * Applies analytics.js's query-string API on load: `ajs_aid` sets the
 * anonymous id, `ajs_uid` identifies (with `ajs_trait_*`), `ajs_event`
 * tracks (with `ajs_prop_*`).
 */
export function applyQueryString(
  analytics: Analytics,
  option: QueryStringOption | undefined,
): void {
  const search = getLocation()?.search
  if (option === false || !search?.includes('ajs_')) return

  const patterns = typeof option === 'object' ? option : {}
  const traits: JSONObject = {}
  const properties: JSONObject = {}
  let userId: string | undefined
  let anonymousId: string | undefined
  let event: string | undefined

  for (const [key, value] of parseQuery(search)) {
    if (key === 'ajs_uid') userId = value
    else if (key === 'ajs_aid') anonymousId = value
    else if (key === 'ajs_event') event = value
    else if (key.startsWith('ajs_trait_')) setOwn(traits, key.slice(10), value)
    else if (key.startsWith('ajs_prop_'))
      setOwn(properties, key.slice(9), value)
  }

  if (anonymousId && patterns.aid?.test(anonymousId) !== false)
    analytics.setAnonymousId(anonymousId)
  if (userId && patterns.uid?.test(userId) !== false)
    analytics.identify(userId, traits)
  if (event) analytics.track(event, properties)
}
