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
  const endpoint = endpointSettings(settings)
  const bundledIds: string[] = []
  const configIds = endpoint?.maybeBundledConfigIds
  if (isPlainObject(configIds)) {
    for (const name of bundled) {
      const ids = configIds[name]
      if (Array.isArray(ids))
        for (const id of ids) if (typeof id === 'string') bundledIds.push(id)
    }
  }
  const unbundled = [...unbundledNames(bundledNames, settings)]
  return { bundled, unbundled, bundledIds }
}

function endpointSettings(settings: CDNSettings | undefined) {
  return (
    settings?.integrations['Segment.io'] ?? settings?.integrations.Clickstream
  )
}

/**
 * The last `unbundled` list and what it was built from. Settings and the
 * bundled destinations are fixed once the page has loaded, so every call
 * after that reuses the list.
 */
let lastUnbundled:
  | {
      settings: CDNSettings | undefined
      bundledNames: ReadonlySet<string>
      size: number
      names: readonly string[]
    }
  | undefined

function unbundledNames(
  bundledNames: ReadonlySet<string>,
  settings: CDNSettings | undefined,
): readonly string[] {
  const last = lastUnbundled
  if (
    last !== undefined &&
    last.settings === settings &&
    last.bundledNames === bundledNames &&
    last.size === bundledNames.size
  ) {
    return last.names
  }
  const unbundled = new Set<string>()
  for (const name of Object.keys(settings?.integrations ?? {})) {
    if (
      !bundledNames.has(name) &&
      !(ENDPOINT_NAMES as readonly string[]).includes(name)
    ) {
      unbundled.add(name)
    }
  }
  const declared = endpointSettings(settings)?.unbundledIntegrations
  if (Array.isArray(declared)) {
    for (const name of declared)
      if (typeof name === 'string') unbundled.add(name)
  }
  const names = [...unbundled]
  lastUnbundled = { settings, bundledNames, size: bundledNames.size, names }
  return names
}
