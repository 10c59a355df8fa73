import { isPlainObject } from '../message/merge'
import type { JSONObject } from '../message/types'
import {
  entryPath,
  findDestination,
  namesOf,
  type DestinationInfo,
} from './catalogue'
import { preview, sameJson } from './migrations'
import type { DestinationMove } from './moves'
import type { MigratedSettings, SettingsChange } from './settings-migration'

export type MoveOutcome =
  | ({ ok: true } & MigratedSettings)
  | {
      ok: false
      /** No move leads to `to`, or the settings hold nothing to move. */
      reason: 'unsupported-target' | 'nothing-to-move'
      message: string
    }

/**
 * Moves the settings of every destination that `to` replaces into `to`'s
 * entry and removes the old entry, without mutating the input. An existing
 * entry of `to` keeps its values. The moved options fill only the keys it
 * leaves unset, add the list entries it lacks, and report every other
 * difference.
 */
export function moveSettings(
  settings: JSONObject,
  destinations: readonly DestinationInfo[],
  moves: readonly DestinationMove[],
  to: string,
): MoveOutcome {
  const target = findDestination(destinations, to)
  const targetName = target?.integrationName ?? to
  const chosen = moves.filter((move) => move.to === targetName)
  if (chosen.length === 0) {
    return {
      ok: false,
      reason: 'unsupported-target',
      message: unsupportedMove(to, moves),
    }
  }

  let integrations: JSONObject = { ...(settings.integrations as JSONObject) }
  const changes: SettingsChange[] = []
  for (const move of chosen) {
    const source = findDestination(destinations, move.from)
    const sourceNames = source ? namesOf(source) : [move.from]
    const sourceKey = sourceNames.find((name) => hasOwn(integrations, name))
    if (sourceKey === undefined) {
      return {
        ok: false,
        reason: 'nothing-to-move',
        message: `The settings have no ${sourceNames.map((name) => `"${name}"`).join(' or ')} entry in "integrations", so nothing moves to "${targetName}".`,
      }
    }
    const entry = integrations[sourceKey]
    if (!isPlainObject(entry)) {
      return {
        ok: false,
        reason: 'nothing-to-move',
        message: `${entryPath(sourceKey)} must be an object of options to move, received ${preview(entry)}.`,
      }
    }

    const moved = move.move(entry)
    const prefix = `${move.from} → ${targetName}:`
    for (const line of moved.changes) {
      changes.push({
        kind: 'moved',
        path: entryPath(sourceKey),
        message: `${prefix} ${line}`,
      })
    }
    const targetKey =
      (target ? namesOf(target) : [targetName]).find((name) =>
        hasOwn(integrations, name),
      ) ?? targetName
    const merged = mergeInto(
      integrations[targetKey],
      moved.options,
      entryPath(targetKey),
      changes,
    )
    integrations = replaceEntry(integrations, sourceKey, targetKey, merged)
    changes.push({
      kind: 'moved',
      path: entryPath(sourceKey),
      message: `${prefix} removed ${entryPath(sourceKey)}, whose settings are now in ${entryPath(targetKey)}.`,
    })
  }
  return { ok: true, settings: { ...settings, integrations }, changes }
}

/** Lists the supported moves in an error for an unsupported `--to`. */
function unsupportedMove(to: string, moves: readonly DestinationMove[]) {
  const supported = moves
    .map((move) => `--to "${move.to}" (from "${move.from}")`)
    .join(', ')
  return `No move to "${to}" is supported. Supported moves: ${supported || 'none'}.`
}

/**
 * Removes `sourceKey` and sets `targetKey`, which takes the source's place
 * when it is new, so the file keeps its order.
 */
function replaceEntry(
  integrations: JSONObject,
  sourceKey: string,
  targetKey: string,
  value: JSONObject,
): JSONObject {
  const targetIsNew = !hasOwn(integrations, targetKey)
  const entries = Object.entries(integrations).flatMap(
    ([key, entry]): Array<[string, unknown]> => {
      if (key === sourceKey) return targetIsNew ? [[targetKey, value]] : []
      return key === targetKey ? [[key, value]] : [[key, entry]]
    },
  )
  // fromEntries defines each key, so a "__proto__" key from JSON stays data.
  return Object.fromEntries(entries)
}

function mergeInto(
  existing: unknown,
  moved: JSONObject,
  path: string,
  changes: SettingsChange[],
): JSONObject {
  if (!isPlainObject(existing)) return moved
  const merged: JSONObject = { ...existing }
  for (const [key, value] of Object.entries(moved)) {
    const current = merged[key]
    if (isUnset(current)) {
      merged[key] = value
    } else if (Array.isArray(current) && Array.isArray(value)) {
      const present = new Set(current.map((item) => JSON.stringify(item)))
      const added = value.filter((item) => !present.has(JSON.stringify(item)))
      merged[key] = [...current, ...added]
      changes.push({
        kind: 'moved',
        path: `${path}.${key}`,
        message: `${path}.${key} already had ${current.length} entries, and ${added.length} moved ones were added.`,
      })
    } else if (!sameJson(current, value)) {
      changes.push({
        kind: 'conflict',
        path: `${path}.${key}`,
        message: `${path}.${key} is already ${preview(current)}, so the moved value ${preview(value)} is not used. Change it by hand if the moved value is the right one.`,
      })
    }
  }
  return merged
}

function isUnset(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

function hasOwn(object: JSONObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key)
}
