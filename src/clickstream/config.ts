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
  // A string or number lists no key that passes.
  for (const [key, behavior] of Object.entries(value || {})) {
    const status = Number(key)
    const valid = String(status) === key && status >= 100 && status < 600
    if (valid && (behavior === 'drop' || behavior === 'retry')) {
      overrides.set(status, behavior)
    }
  }
  return overrides
}

/** Applies defaults and clamps every value of the destination's settings. */
export function resolveDeliveryConfig(
  writeKey: string,
  settings: ClickstreamSettings,
): DeliveryConfig {
  const { values, problems } = readOptions(settings)
  const { apiHost, apiKey } = settings
  const host = typeof apiHost === 'string' ? apiHost.trim() : ''
  // A blank host leaves the endpoint unknown. A host with a protocol keeps it.
  let endpoint: string | undefined
  if (host) {
    endpoint = host.replace(/\/+$/, '')
    if (!/^https?:\/\//i.test(endpoint)) {
      endpoint = `${values.protocol}://${endpoint}`
    }
  }

  return {
    ...values,
    endpoint,
    authKey: (typeof apiKey === 'string' && apiKey) || writeKey,
    batching: values.strategy === 'batching',
    overrides: readOverrides(
      readPath(settings, 'httpConfig.backoffConfig.statusCodeOverrides'),
    ),
    problems,
  }
}
