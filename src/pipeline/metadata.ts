import { isPlainObject } from '../message/merge'
import type { JSONObject, MessageMetadata } from '../message/types'
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
  const configIds = endpointSettings(settings)?.maybeBundledConfigIds
  return {
    bundled,
    unbundled: [...unbundledNames(bundledNames, settings)],
    bundledIds: isPlainObject(configIds)
      ? bundled.flatMap((name) => {
          const ids = configIds[name]
          return Array.isArray(ids)
            ? ids.filter((id) => typeof id === 'string')
            : []
        })
      : [],
  }
}

function endpointSettings(
  settings: CDNSettings | undefined,
): JSONObject | undefined {
  return (
    settings?.integrations['Segment.io'] ?? settings?.integrations.Clickstream
  )
}

/**
 * The inputs of the last `unbundled` list (settings, bundled names and
 * their count), then the list. Settings and the bundled destinations are
 * fixed once the page has loaded, so every call after that reuses the list.
 * The set of bundled names grows while destinations start, hence its count.
 */
let last:
  [CDNSettings | undefined, ReadonlySet<string>, number, string[]] | undefined

function unbundledNames(
  bundledNames: ReadonlySet<string>,
  settings: CDNSettings | undefined,
): readonly string[] {
  if (
    !last ||
    last[0] !== settings ||
    last[1] !== bundledNames ||
    last[2] !== bundledNames.size
  ) {
    const names = new Set(
      Object.keys(settings?.integrations ?? {}).filter(
        (name) =>
          !bundledNames.has(name) &&
          !(ENDPOINT_NAMES as readonly string[]).includes(name),
      ),
    )
    const declared = endpointSettings(settings)?.unbundledIntegrations
    if (Array.isArray(declared)) {
      for (const name of declared) if (typeof name === 'string') names.add(name)
    }
    last = [settings, bundledNames, bundledNames.size, [...names]]
  }
  return last[3]
}
