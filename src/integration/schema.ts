import { describe } from '../arguments'
import { isPlainObject } from '../message/merge'
import type { JSONObject } from '../message/types'

/**
 * Option types a destination can declare. `mapping` is an event mapping in
 * any shape Segment's settings deliver: an object, a list of names, or a list
 * of `{ key, value }` pairs.
 */
export type OptionType =
  'string' | 'number' | 'boolean' | 'array' | 'object' | 'mapping'

export interface OptionSpec {
  type: OptionType
  /**
   * Text that describes what the option sets, for the README, the manifest and
   * the JSON Schema. The error for a missing required option quotes it, so
   * a required option carries it here. Other options may carry it in their
   * destination's docs.ts (`optionDescriptions`), which no bundle contains.
   */
  description?: string
  default?: unknown
  required?: boolean
  /**
   * A regular expression, as JSON Schema's `pattern`, that a string value
   * (or each string of an array) must match. Options that end up in a vendor
   * URL or tag declare one, so no value can smuggle markup or a scheme in.
   */
  pattern?: string
  /** A valid value, quoted in the error when `pattern` does not match. */
  example?: string
  /**
   * Patterns for string fields found anywhere inside a mapping or object
   * option, by field name, e.g. `{ cat: '^[A-Za-z0-9_-]+$' }` for the
   * activity strings of Floodlight's `events`, which reach a tag URL.
   */
  fieldPatterns?: Record<string, string>
}

export type OptionSchema = Record<string, OptionSpec>

type TypeOf<T extends OptionType> = T extends 'string'
  ? string
  : T extends 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'array'
        ? unknown[]
        : T extends 'mapping'
          ? JSONObject | unknown[]
          : JSONObject

type RequiredKeys<S extends OptionSchema> = {
  [K in keyof S]: S[K] extends { required: true } ? K : never
}[keyof S]

/** The options type a schema describes: required keys required, the rest optional. */
export type OptionsOf<S extends OptionSchema> = {
  [K in RequiredKeys<S>]: TypeOf<S[K]['type']>
} & {
  [K in Exclude<keyof S, RequiredKeys<S>>]?: TypeOf<S[K]['type']>
}

export interface ValidationResult {
  options: JSONObject
  errors: string[]
}

/**
 * Checks raw settings against a schema and fills defaults. Keys the schema
 * does not name are kept, since Segment's settings carry many of them.
 */
export function validateOptions(
  destination: string,
  schema: OptionSchema,
  raw: unknown,
): ValidationResult {
  const errors: string[] = []
  const fail = (problem: string) => errors.push(`${destination}: ${problem}`)
  if (raw !== undefined && raw !== null && !isPlainObject(raw)) {
    fail(`settings must be an object, received ${describe(raw)}.`)
    return { options: {}, errors }
  }

  const options: JSONObject = { ...(raw as JSONObject | undefined) }
  for (const [key, spec] of Object.entries(schema)) {
    const { type, pattern } = spec
    const expected = `${type === 'array' || type === 'object' ? 'an' : 'a'} ${type}`
    const value = options[key]
    if (value === undefined || value === null || value === '') {
      if (spec.required) {
        fail(
          `option "${key}" is missing; it must be ${expected} (${spec.description}).`,
        )
      }
      if (spec.default !== undefined) options[key] = copyJson(spec.default)
      continue
    }

    const coerced = coerce(type, value)
    if (coerced === INVALID) {
      fail(`option "${key}" must be ${expected}, received ${describe(value)}.`)
      continue
    }
    const mismatch = pattern ? findMismatch(pattern, coerced) : undefined
    if (mismatch !== undefined) {
      const hint = spec.example ? ` such as "${spec.example}"` : ''
      fail(
        `option "${key}" must match ${pattern}${hint}, received ${describe(mismatch)}.`,
      )
      continue
    }
    const fieldErrors = spec.fieldPatterns
      ? findFieldMismatches(spec.fieldPatterns, coerced, key)
      : []
    for (const problem of fieldErrors) fail(`option ${problem}`)
    if (fieldErrors.length === 0) options[key] = coerced
  }
  return { options, errors }
}

/** Nesting deeper than this is not searched; mappings are a few levels deep. */
const MAX_FIELD_DEPTH = 8

/**
 * Lists the string fields inside `value`, at any depth, that break their
 * pattern in `patterns`, each as `"<path>" must match ..., received ...`.
 */
function findFieldMismatches(
  patterns: Record<string, string>,
  value: unknown,
  path: string,
  depth = 0,
): string[] {
  const problems: string[] = []
  if (depth > MAX_FIELD_DEPTH || typeof value !== 'object' || value === null) {
    return problems
  }

  const isArray = Array.isArray(value)
  for (const [key, item] of Object.entries(value)) {
    const itemPath = isArray ? `${path}[${key}]` : `${path}.${key}`
    const pattern = isArray ? undefined : patterns[key]
    if (pattern && typeof item === 'string' && item !== '') {
      if (!new RegExp(pattern).test(item)) {
        problems.push(
          `"${itemPath}" must match ${pattern}, received ${describe(item)}.`,
        )
      }
    } else {
      problems.push(...findFieldMismatches(patterns, item, itemPath, depth + 1))
    }
  }
  return problems
}

/** Returns the first string in `value` that the pattern rejects, if any. */
function findMismatch(pattern: string, value: unknown): string | undefined {
  const expression = new RegExp(pattern)
  const strings = Array.isArray(value) ? value : [value]
  return strings.find(
    (item): item is string =>
      typeof item === 'string' && item !== '' && !expression.test(item),
  )
}

const INVALID = Symbol('invalid')

/** Accepts the loose forms Segment settings use, such as numbers sent as strings. */
function coerce(type: OptionType, value: unknown): unknown {
  const finite = typeof value === 'number' && Number.isFinite(value)
  switch (type) {
    case 'string':
      return typeof value === 'string'
        ? value
        : finite
          ? String(value)
          : INVALID
    case 'number':
      if (finite) return value
      return typeof value === 'string' &&
        value.trim() !== '' &&
        Number.isFinite(Number(value))
        ? Number(value)
        : INVALID
    case 'boolean':
      if (typeof value === 'boolean') return value
      return value === 'true' || value === 'false' ? value === 'true' : INVALID
    case 'array':
      return Array.isArray(value) ? value : INVALID
    case 'object':
      return isPlainObject(value) ? value : INVALID
    case 'mapping':
      return isPlainObject(value) || Array.isArray(value) ? value : INVALID
  }
}

function copyJson<T>(value: T): T {
  return typeof value === 'object' && value !== null
    ? (JSON.parse(JSON.stringify(value)) as T)
    : value
}
