import { isPlainObject } from '../message/merge'
import type { JSONObject } from '../message/types'

/**
 * One change a destination made to its options, so that settings written
 * for an older version still configure it. `version` is the version of the
 * destination that made the change (for a Segment destination, the version
 * of Segment's package).
 */
export type OptionMigration = RenamedOption | RemovedOption | ReshapedOption

/** An option that took a new name, and maybe a new shape with it. */
export interface RenamedOption {
  kind: 'renamed'
  version: string
  from: string
  to: string
  /**
   * Converts a value of the old option to the new option's shape, when the
   * shape changed with the name. Pure: it must not mutate its argument.
   */
  convert?: (value: unknown) => unknown
  /** A further change that came with the name, for the change list. */
  note?: string
}

/** An option the destination no longer reads. */
export interface RemovedOption {
  kind: 'removed'
  version: string
  option: string
  /** The option's replacement, or the reason it went, for the change list. */
  reason: string
}

/** An option whose value changed shape under the same name. */
export interface ReshapedOption {
  kind: 'reshaped'
  version: string
  option: string
  description: string
  /**
   * Returns the value in the new shape, or the value itself when it already
   * has that shape. Pure: it must not mutate its argument.
   */
  convert: (value: unknown) => unknown
}

/** One entry of the change list `migrateOptions` returns. */
export interface OptionChange {
  /** The option the change is about, under its old name. */
  option: string
  /**
   * `conflict` when an option was renamed but both names hold different
   * values: nothing moved, and the settings need a decision by hand.
   */
  kind: 'renamed' | 'removed' | 'reshaped' | 'conflict'
  message: string
}

export interface MigrationResult {
  /** The migrated options; `raw` itself when it is not an object. */
  options: unknown
  changes: OptionChange[]
}

/**
 * Applies a destination's migrations, in the order given, to raw settings.
 * Returns new options and one change per migration that applied, and never
 * mutates `raw`. A rename never overwrites a value the new name already
 * has. It reports the conflict and leaves both options in place.
 */
export function migrateOptions(
  destination: string,
  migrations: readonly OptionMigration[],
  raw: unknown,
): MigrationResult {
  if (!isPlainObject(raw) || migrations.length === 0) {
    return { options: raw, changes: [] }
  }
  const result: MigratedOptions = { options: { ...raw }, changes: [] }
  for (const migration of migrations) {
    const key = migration.kind === 'renamed' ? migration.from : migration.option
    if (!hasOwn(result.options, key)) continue
    const record: RecordChange = (kind, text) =>
      result.changes.push({
        option: key,
        kind,
        message: `${destination}: ${text}`,
      })
    if (migration.kind === 'renamed') applyRename(migration, result, record)
    else if (migration.kind === 'removed')
      applyRemoval(migration, result, record)
    else applyReshape(migration, result, record)
  }
  return result
}

/** Options being migrated, replaced as a whole by a rename. */
interface MigratedOptions {
  options: JSONObject
  changes: OptionChange[]
}

/** Adds one change, its message prefixed with the destination. */
type RecordChange = (kind: OptionChange['kind'], text: string) => void

function applyRename(
  { from, to, version, convert, note }: RenamedOption,
  result: MigratedOptions,
  record: RecordChange,
): void {
  const { options } = result
  const oldValue = options[from]
  const newValue = convert ? convert(oldValue) : oldValue
  if (!hasOwn(options, to) || isUnset(options[to])) {
    // A new object keeps the key order. fromEntries defines each key, so a
    // "__proto__" key from JSON stays data.
    result.options = Object.fromEntries(
      Object.entries(options)
        .filter(([key]) => key !== to)
        .map(([key, value]) => (key === from ? [to, newValue] : [key, value])),
    )
    const converted = convert
      ? `, and ${preview(oldValue)} became ${preview(newValue)}`
      : ''
    record(
      'renamed',
      `renamed option "${from}" to "${to}" (version ${version})${converted}.${note ? ` ${note}` : ''}`,
    )
  } else if (sameJson(options[to], newValue)) {
    delete options[from]
    record(
      'removed',
      `removed option "${from}", renamed "${to}" (version ${version}), because "${to}" already has the same value.`,
    )
  } else {
    record(
      'conflict',
      `option "${from}" was renamed "${to}" (version ${version}), but both are set ("${from}": ${preview(oldValue)}, "${to}": ${preview(options[to])}), so "${to}" is used. Delete "${from}", or move its value to "${to}" by hand.`,
    )
  }
}

function applyRemoval(
  { option, version, reason }: RemovedOption,
  { options }: MigratedOptions,
  record: RecordChange,
): void {
  const value = options[option]
  delete options[option]
  record(
    'removed',
    `removed option "${option}" (${preview(value)}), dropped in version ${version}. ${reason}`,
  )
}

function applyReshape(
  { option, version, description, convert }: ReshapedOption,
  { options }: MigratedOptions,
  record: RecordChange,
): void {
  const value = options[option]
  const reshaped = convert(value)
  if (sameJson(value, reshaped)) return
  options[option] = reshaped
  record(
    'reshaped',
    `option "${option}" changed shape (version ${version}): ${description}, so ${preview(value)} became ${preview(reshaped)}.`,
  )
}

/**
 * Builds the debug line that a replaced destination logs at load, because
 * load never moves settings from one destination to another.
 */
export function replacementHint(
  destination: string,
  successor: string,
): string {
  return `${destination} is outdated and "${successor}" replaces it. Both keep working as configured. To move the settings, run: npx clickstream migrate-settings --to "${successor}" settings.json`
}

function hasOwn(object: JSONObject, key: string): boolean {
  return (
    Object.prototype.hasOwnProperty.call(object, key) &&
    object[key] !== undefined
  )
}

/** Empty in the sense validateOptions uses: the default applies. */
function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

export function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right)
}

const PREVIEW_LENGTH = 60

/** JSON of a value, cut to a readable length for a change list. */
export function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value)
  return json.length > PREVIEW_LENGTH
    ? `${json.slice(0, PREVIEW_LENGTH)}…`
    : json
}
