import { isPlainObject } from '../message/merge'
import type { JSONObject } from '../message/types'
import {
  entryPath,
  findDestination,
  optionPath,
  type DestinationInfo,
} from './catalogue'
import { migrateOptions } from './migrations'

/** One line of the change list a settings migration prints. */
export interface SettingsChange {
  /** `conflict` needs a decision by hand, and `note` changes nothing. */
  kind: 'renamed' | 'removed' | 'reshaped' | 'conflict' | 'moved' | 'note'
  path: string
  message: string
}

export interface MigratedSettings {
  settings: JSONObject
  changes: SettingsChange[]
}

/**
 * Applies each known destination's option migrations to Segment-style
 * settings, as load does, and returns new settings; the input is not
 * mutated. `integrations` must be an object (see readIntegrations).
 * Entries of unknown destinations, and every key beside `integrations`,
 * are copied unchanged.
 */
export function migrateSettings(
  settings: JSONObject,
  destinations: readonly DestinationInfo[],
): MigratedSettings {
  const integrations: JSONObject = { ...(settings.integrations as JSONObject) }
  const changes: SettingsChange[] = []

  for (const [name, entry] of Object.entries(integrations)) {
    const destination = findDestination(destinations, name)
    if (!destination || !isPlainObject(entry)) continue
    const migrated = migrateOptions(
      destination.integrationName,
      destination.migrations ?? [],
      entry,
    )
    integrations[name] = migrated.options
    for (const change of migrated.changes) {
      changes.push({
        kind: change.kind,
        path: optionPath(name, change.option),
        message: change.message,
      })
    }
    if (destination.replacedBy) {
      changes.push({
        kind: 'note',
        path: entryPath(name),
        message: `${destination.integrationName} is outdated and "${destination.replacedBy}" replaces it. Add --to "${destination.replacedBy}" to move its settings. Without --to, both destinations keep working as configured.`,
      })
    }
  }
  return { settings: { ...settings, integrations }, changes }
}
