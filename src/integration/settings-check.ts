import { findSettingsProblems } from '../clickstream/settings-check'
import type { ClickstreamSettings } from '../clickstream/types'
import { isPlainObject } from '../message/merge'
import type { JSONObject } from '../message/types'
import { ENDPOINT_NAMES } from '../pipeline/routing'
import {
  entryPath,
  findDestination,
  namesOf,
  optionPath,
  type DestinationInfo,
} from './catalogue'
import { migrateOptions } from './migrations'
import { validateOptions, type OptionSpec } from './schema'

/** A reason a settings file would not configure its destinations as written. */
export interface SettingsProblem {
  kind:
    | 'invalid-json'
    | 'not-an-object'
    | 'missing'
    | 'wrong-type'
    | 'pattern-mismatch'
    | 'invalid-endpoint-option'
  /** Where, e.g. `integrations["Google Tag Manager"].containerId`. */
  path: string
  /** The type the option takes, with its pattern if it has one. */
  expected?: string
  /** The value in the file, absent when the key is missing. */
  found?: unknown
  /** The full sentence: what is wrong and what to do. */
  message: string
  /** For `invalid-json`, the 1-based line and column of the error. */
  line?: number
  column?: number
}

/** Something worth knowing that load handles without failing. */
export interface SettingsNote {
  kind: 'unknown-destination' | 'migration' | 'replaced' | 'duplicate'
  path: string
  message: string
}

export interface SettingsReport {
  problems: SettingsProblem[]
  notes: SettingsNote[]
}

/** Path of the whole file in problems about its top level. */
export const TOP_LEVEL = '(top level)'

/**
 * Returns the `integrations` object of Segment-style settings, or the
 * problem that makes the file unusable as settings.
 */
export function readIntegrations(
  settings: unknown,
): { integrations: JSONObject } | { problem: SettingsProblem } {
  if (!isPlainObject(settings)) {
    return {
      problem: notAnObject(
        TOP_LEVEL,
        settings,
        'Settings must be a JSON object with an "integrations" object inside: { "integrations": { "Destination Name": { ...options } } }.',
      ),
    }
  }
  if (!isPlainObject(settings.integrations)) {
    return {
      problem: notAnObject(
        'integrations',
        settings.integrations,
        'The "integrations" key must hold an object of destination name to options, as Segment\'s settings do.',
      ),
    }
  }
  return { integrations: settings.integrations }
}

/**
 * Checks Segment-style settings against the destinations given, as load
 * would read them: each entry's migrations first, then its option schema.
 * A name that matches no destination becomes a note, because Segment's
 * settings also carry destinations that run on the server.
 */
export function checkSettings(
  settings: unknown,
  destinations: readonly DestinationInfo[],
): SettingsReport {
  const report: SettingsReport = { problems: [], notes: [] }
  const read = readIntegrations(settings)
  if ('problem' in read) {
    report.problems.push(read.problem)
    return report
  }

  for (const [name, entry] of Object.entries(read.integrations)) {
    if ((ENDPOINT_NAMES as readonly string[]).includes(name)) {
      checkEndpoint(name, entry, report)
      continue
    }
    const destination = findDestination(destinations, name)
    if (!destination) {
      report.notes.push({
        kind: 'unknown-destination',
        path: entryPath(name),
        message: `"${name}" is not a destination this package bundles, so load leaves it to the server side.`,
      })
      continue
    }
    checkEntry(name, entry, destination, read.integrations, report)
  }
  return report
}

function checkEntry(
  name: string,
  entry: unknown,
  destination: DestinationInfo,
  integrations: JSONObject,
  report: SettingsReport,
): void {
  const loadedName = namesOf(destination).find(
    (candidate) => integrations[candidate] !== undefined,
  )
  if (loadedName !== name) {
    report.notes.push({
      kind: 'duplicate',
      path: entryPath(name),
      message: `"${name}" and "${loadedName}" both configure ${destination.integrationName}. Load uses "${loadedName}" and ignores "${name}".`,
    })
    return
  }
  if (!isPlainObject(entry)) {
    report.problems.push(
      notAnObject(
        entryPath(name),
        entry,
        `Settings for "${name}" must be an object of option name to value. Load skips this destination.`,
      ),
    )
    return
  }

  const migrated = migrateOptions(
    destination.integrationName,
    destination.migrations ?? [],
    entry,
  )
  for (const change of migrated.changes) {
    // A conflict changes nothing, and its message explains what to do.
    const applied =
      change.kind === 'conflict'
        ? ''
        : ' Load applies this, and `clickstream migrate-settings` rewrites the file.'
    report.notes.push({
      kind: 'migration',
      path: optionPath(name, change.option),
      message: `${change.message}${applied}`,
    })
  }
  if (destination.replacedBy) {
    report.notes.push({
      kind: 'replaced',
      path: entryPath(name),
      message: `${destination.integrationName} is outdated and "${destination.replacedBy}" replaces it. \`clickstream migrate-settings --to "${destination.replacedBy}"\` moves its settings.`,
    })
  }

  const options = migrated.options as JSONObject
  for (const [key, spec] of Object.entries(destination.schema)) {
    const problem = checkOption(destination, name, key, spec, options[key])
    if (problem) report.problems.push(problem)
  }
}

/**
 * Validates one option alone with the schema validator, then classifies
 * the error as a missing value, a wrong type or a pattern mismatch. The
 * validator treats undefined, null and '' as missing.
 */
function checkOption(
  destination: DestinationInfo,
  name: string,
  key: string,
  spec: OptionSpec,
  value: unknown,
): SettingsProblem | undefined {
  const validate = (option: OptionSpec) =>
    validateOptions(
      destination.integrationName,
      { [key]: option },
      { [key]: value },
    ).errors
  const errors = validate(spec)
  if (errors.length === 0) return undefined

  const path = optionPath(name, key)
  const message = errors.join(' ')
  if (value === undefined || value === null || value === '') {
    const expected = `${spec.type} (required)`
    return value === undefined
      ? { kind: 'missing', path, expected, message }
      : { kind: 'missing', path, expected, found: value, message }
  }
  if (
    validate({ ...spec, pattern: undefined, fieldPatterns: undefined }).length >
    0
  ) {
    return {
      kind: 'wrong-type',
      path,
      expected: spec.type,
      found: value,
      message,
    }
  }
  if (validate({ ...spec, fieldPatterns: undefined }).length === 0) {
    const fields = Object.entries(spec.fieldPatterns ?? {})
      .map(([field, pattern]) => `${field} matching ${pattern}`)
      .join(', ')
    return {
      kind: 'pattern-mismatch',
      path,
      expected: `${spec.type} with ${fields}`,
      found: value,
      message,
    }
  }
  return {
    kind: 'pattern-mismatch',
    path,
    expected: `${spec.type} matching ${spec.pattern}`,
    found: value,
    message,
  }
}

/** Checks the first-party endpoint's entry with the delivery engine's rules. */
function checkEndpoint(
  name: string,
  entry: unknown,
  report: SettingsReport,
): void {
  if (!isPlainObject(entry)) {
    report.problems.push(
      notAnObject(
        entryPath(name),
        entry,
        `Settings for "${name}" must be an object of endpoint options.`,
      ),
    )
    return
  }
  for (const problem of findSettingsProblems(entry as ClickstreamSettings)) {
    report.problems.push({
      kind: 'invalid-endpoint-option',
      path: entryPath(name),
      message: `${name}: ${problem}.`,
    })
  }
}

function notAnObject(
  path: string,
  value: unknown,
  message: string,
): SettingsProblem {
  return value === undefined
    ? { kind: 'missing', path, expected: 'object', message }
    : { kind: 'not-an-object', path, expected: 'object', found: value, message }
}
