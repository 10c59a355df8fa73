import type { OptionSchema, OptionSpec, OptionType } from './schema'

/** The JSON Schema dialect every exported settings schema declares. */
export const JSON_SCHEMA_DIALECT =
  'https://json-schema.org/draft/2020-12/schema'

type JsonSchemaType = 'string' | 'number' | 'boolean' | 'array' | 'object'

/** The keywords of a draft 2020-12 JSON Schema that settings schemas use. */
export interface JsonSchema {
  $schema?: string
  title?: string
  description?: string
  type?: JsonSchemaType | JsonSchemaType[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean
  items?: JsonSchema
  default?: unknown
  pattern?: string
  minLength?: number
  examples?: unknown[]
}

const JSON_TYPES: Record<OptionType, JsonSchema['type']> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  array: 'array',
  object: 'object',
  // Segment's settings deliver an event mapping as an object, a list of
  // names or a list of `{ key, value }` pairs.
  mapping: ['object', 'array'],
}

/**
 * Converts a destination's option schema to the JSON Schema of its settings
 * object, as the `integrations` entry of Segment's settings carries it.
 *
 * The schema states the canonical form of each value. The loader
 * (`validateOptions`) also accepts looser forms that the schema rejects:
 * numbers and booleans sent as strings, and `null` for an unset option.
 * Like the loader, the schema counts an empty string as unset, so a pattern
 * never rejects it, and a required string must not be empty. Keys the option
 * schema does not name are allowed, because Segment's settings carry many.
 */
export function toJsonSchema(schema: OptionSchema, title?: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const [name, spec] of Object.entries(schema)) {
    properties[name] = optionToJsonSchema(spec)
    if (spec.required) required.push(name)
  }
  return {
    $schema: JSON_SCHEMA_DIALECT,
    ...(title === undefined ? {} : { title }),
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: true,
  }
}

/** Converts one option, with its pattern where the loader applies it. */
function optionToJsonSchema(spec: OptionSpec): JsonSchema {
  const property: JsonSchema = {
    type: JSON_TYPES[spec.type],
    description: spec.description,
  }
  if (spec.default !== undefined) property.default = copyJson(spec.default)
  if (spec.type === 'string' && spec.required) property.minLength = 1

  // The loader tests the pattern against a string value, or against each
  // string of an array, and skips empty strings.
  const format: JsonSchema = {}
  if (spec.pattern !== undefined) format.pattern = allowEmpty(spec.pattern)
  if (spec.example !== undefined) format.examples = [spec.example]
  if (Object.keys(format).length === 0) return property
  if (spec.type === 'string') return { ...property, ...format }
  if (spec.type === 'array' || spec.type === 'mapping')
    return { ...property, items: format }
  return property
}

/**
 * Widens a pattern to accept the empty string, which the loader reads as
 * unset. Alternation binds loosest, so `^$|` before any valid pattern
 * leaves its other matches unchanged.
 */
function allowEmpty(pattern: string): string {
  return new RegExp(pattern).test('') ? pattern : `^$|${pattern}`
}

function copyJson(value: unknown): unknown {
  return typeof value === 'object' && value !== null
    ? JSON.parse(JSON.stringify(value))
    : value
}
