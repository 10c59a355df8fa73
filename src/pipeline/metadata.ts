import { isPlainObject } from '../message/merge'
import type { MessageMetadata } from '../message/types'
import type { CDNSettings } from '../settings/types'
import { ENDPOINT_NAMES } from './routing'

/**
 * Builds `_metadata` as analytics.js sends it: `bundled` names the
 * destinations that ran in the browser for this call, so a
 * Segment-compatible server does not send them cloud-mode copies too.
 */
export function buildMetadata(
  bundled: string[],
  bundledNames: ReadonlySet<string>,
  settings: CDNSettings | undefined,
): MessageMetadata {
  const endpoint =
    settings?.integrations['Segment.io'] ?? settings?.integrations.Clickstream
  const unbundled = new Set<string>()
  for (const name of Object.keys(settings?.integrations ?? {})) {
    if (
      !bundledNames.has(name) &&
      !(ENDPOINT_NAMES as readonly string[]).includes(name)
    ) {
      unbundled.add(name)
    }
  }
  const declared = endpoint?.unbundledIntegrations
  if (Array.isArray(declared)) {
    for (const name of declared)
      if (typeof name === 'string') unbundled.add(name)
  }

  const bundledIds: string[] = []
  const configIds = endpoint?.maybeBundledConfigIds
  if (isPlainObject(configIds)) {
    for (const name of bundled) {
      const ids = configIds[name]
      if (Array.isArray(ids))
        for (const id of ids) if (typeof id === 'string') bundledIds.push(id)
    }
  }
  return { bundled, unbundled: [...unbundled], bundledIds }
}
