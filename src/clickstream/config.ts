import { readOptions, readPath, type OptionValues } from './settings-check'
import type { ClickstreamSettings } from './types'

export type RetryBehavior = 'drop' | 'retry'

/** Settings after defaults and clamping: every field is safe to use as is. */
export interface DeliveryConfig extends OptionValues {
  /** Base URL without a trailing slash, or undefined when no host is known. */
  endpoint: string | undefined
  /** Value of the body's `writeKey` field. */
  authKey: string
  batching: boolean
  /** `statusCodeOverrides`, by status. */
  overrides: ReadonlyMap<number, RetryBehavior>
  /** Invalid settings, each named for the site owner. */
  problems: string[]
}

/** Keeps only three-digit status keys with a known behaviour. */
function readOverrides(value: unknown): Map<number, RetryBehavior> {
  const overrides = new Map<number, RetryBehavior>()
  if (!value || typeof value !== 'object') return overrides

  for (const [key, behavior] of Object.entries(value)) {
    const status = Number(key)
    const valid = /^\d{3}$/.test(key) && status >= 100 && status <= 599
    if (valid && (behavior === 'drop' || behavior === 'retry')) {
      overrides.set(status, behavior)
    }
  }
  return overrides
}

function buildEndpoint(host: string, protocol: string): string | undefined {
  if (!host) return undefined
  const bare = host.replace(/\/+$/, '')
  return /^https?:\/\//i.test(bare) ? bare : `${protocol}://${bare}`
}

/** Applies defaults and clamps every value of the destination's settings. */
export function resolveDeliveryConfig(
  writeKey: string,
  settings: ClickstreamSettings,
): DeliveryConfig {
  const { values, problems } = readOptions(settings)
  const { apiHost, apiKey } = settings
  const host = typeof apiHost === 'string' ? apiHost.trim() : ''

  return {
    ...values,
    endpoint: buildEndpoint(host, values.protocol),
    authKey: (typeof apiKey === 'string' && apiKey) || writeKey,
    batching: values.strategy === 'batching',
    overrides: readOverrides(
      readPath(settings, 'httpConfig.backoffConfig.statusCodeOverrides'),
    ),
    problems,
  }
}
