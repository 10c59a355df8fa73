import type { Logger } from '../debug'
import { isPlainObject } from '../message/merge'
import type { IntegrationsOptions, JSONObject } from '../message/types'
import { ENDPOINT_NAMES } from '../pipeline/routing'
import type { CDNSettings } from '../settings/types'
import type { IntegrationFactory } from './types'

export interface SelectedDestination {
  factory: IntegrationFactory
  options: JSONObject
}

/**
 * Picks the bundled destinations that settings turn on and merges their
 * options: settings first, then an options object from the `integrations`
 * load option, then the page's `nonce`. A destination the load option sets
 * to false (or leaves unnamed under `All: false`) is skipped.
 */
export function selectBundledDestinations(
  factories: readonly IntegrationFactory[],
  settings: CDNSettings | undefined,
  loadIntegrations: IntegrationsOptions,
  nonce: string | undefined,
  log: Logger,
): SelectedDestination[] {
  const selected: SelectedDestination[] = []
  const known = new Set<string>(ENDPOINT_NAMES)

  for (const factory of factories) {
    const names = [factory.integrationName, ...factory.aliases]
    names.forEach((name) => known.add(name))
    const name = names.find(
      (candidate) => settings?.integrations[candidate] !== undefined,
    )
    if (!name || !settings) continue

    const override = names
      .map((candidate) => loadIntegrations[candidate])
      .find((value) => value !== undefined)
    if (
      override === false ||
      (override === undefined && loadIntegrations.All === false)
    ) {
      log.debug(
        `${factory.integrationName} is turned off by the integrations load option.`,
      )
      continue
    }

    const options: JSONObject = {
      ...settings.integrations[name],
      ...(isPlainObject(override) ? override : {}),
    }
    if (nonce) options.nonce = nonce
    selected.push({ factory, options })
  }

  for (const name of Object.keys(settings?.integrations ?? {})) {
    if (!known.has(name)) {
      log.debug(
        `Settings name "${name}", which this bundle does not include; it is left to the server side.`,
      )
    }
  }
  return selected
}
