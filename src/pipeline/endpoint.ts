import { createClickstreamDelivery } from '../clickstream'
import type {
  ClickstreamDelivery,
  ClickstreamSettings,
  DeliveryHooks,
} from '../clickstream/types'
import { isPlainObject } from '../message/merge'
import type { IntegrationsOptions, JSONObject } from '../message/types'
import type { CDNSettings } from '../settings/types'
import { ENDPOINT_NAMES } from './routing'

/** Segment's collection host, used when settings name the endpoint without one. */
export const DEFAULT_API_HOST = 'api.segment.io/v1'

function pick(
  source: Record<string, unknown> | undefined,
): JSONObject | undefined {
  if (!source) return undefined
  for (const name of ENDPOINT_NAMES) {
    const value = source[name]
    if (isPlainObject(value)) return value
  }
  return undefined
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
  const fromSettings = pick(settings?.integrations) ?? {}
  const fromOptions = pick(loadIntegrations) ?? {}
  const merged: JSONObject = { ...fromSettings, ...fromOptions }
  if (fromSettings.httpConfig !== undefined)
    merged.httpConfig = fromSettings.httpConfig
  if (!merged.apiHost && settings) merged.apiHost = DEFAULT_API_HOST
  return merged as ClickstreamSettings
}

export function createEndpoint(
  writeKey: string,
  settings: ClickstreamSettings,
  hooks: DeliveryHooks,
): ClickstreamDelivery {
  return createClickstreamDelivery(writeKey, settings, hooks)
}
