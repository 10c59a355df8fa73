import type { ClickstreamSettings } from '../clickstream/types'
import { isPlainObject } from '../message/merge'
import type { IntegrationsOptions, JSONObject } from '../message/types'
import type { CDNSettings } from '../settings/types'
import { ENDPOINT_NAMES } from './routing'

/** Segment's collection host, used when settings name the endpoint without one. */
export const DEFAULT_API_HOST = 'api.segment.io/v1'

function pick(source: Record<string, unknown> | undefined): JSONObject {
  const found = ENDPOINT_NAMES.map((name) => source?.[name]).find(isPlainObject)
  return found ?? {}
}

/**
 * Resolves the endpoint's options. Load options win over fetched settings,
 * as analytics-next merges them, except `httpConfig`, where settings win.
 * Without loaded settings and without a host from anyone, `apiHost` stays
 * undefined and events wait in storage.
 */
export function resolveEndpointSettings(
  settings: CDNSettings | undefined,
  loadIntegrations: IntegrationsOptions | undefined,
): ClickstreamSettings {
  const fromSettings = pick(settings?.integrations)
  const merged: JSONObject = { ...fromSettings, ...pick(loadIntegrations) }
  if (fromSettings.httpConfig !== undefined)
    merged.httpConfig = fromSettings.httpConfig
  if (!merged.apiHost && settings) merged.apiHost = DEFAULT_API_HOST
  return merged as ClickstreamSettings
}

export { createClickstreamDelivery as createEndpoint } from '../clickstream'
