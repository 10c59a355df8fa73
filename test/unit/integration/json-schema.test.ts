import Ajv from 'ajv'
import { expect } from 'chai'
import { readFileSync } from 'node:fs'

import {
  JSON_SCHEMA_DIALECT,
  toJsonSchema,
  type JsonSchema,
} from '../../../src/integration/json-schema'
import {
  validateOptions,
  type OptionSchema,
} from '../../../src/integration/schema'
import { loadSource, slugs } from './sources'

// ajv 6 is the copy ESLint installs. It predates draft 2020-12, so it cannot
// check the schema against that meta-schema, but every keyword these schemas
// use (type, properties, required, additionalProperties, items, pattern,
// minLength) means the same in draft-07, which it implements.
const ajv = new Ajv({ validateSchema: false, allErrors: true })

/** Returns ajv's error messages for `value`, empty when it is valid. */
function schemaErrors(schema: JsonSchema, value: unknown): string[] {
  const validate = ajv.compile(schema)
  if (validate(value)) return []
  return (validate.errors ?? []).map(
    (error) => `${error.dataPath} ${error.message}`,
  )
}

/** Returns the settings objects in a README's ```json blocks for `name`. */
function readmeExamples(readmeFile: string, name: string): unknown[] {
  const text = readFileSync(readmeFile, 'utf8')
  const examples: unknown[] = []
  for (const match of text.matchAll(/```json\n([\s\S]*?)```/g)) {
    const block = JSON.parse(match[1]!) as Record<string, unknown>
    const integrations = block.integrations as Record<string, unknown>
    const settings = integrations?.[name] ?? block[name]
    if (settings !== undefined) examples.push(settings)
  }
  return examples
}

const EVERY_TYPE = {
  text: { type: 'string', description: 'A string.', default: '' },
  count: { type: 'number', description: 'A number.', default: 3 },
  flag: { type: 'boolean', description: 'A boolean.' },
  list: { type: 'array', description: 'An array.', default: [] },
  bag: { type: 'object', description: 'An object.', default: { a: 1 } },
  events: { type: 'mapping', description: 'A mapping.', default: {} },
} as const satisfies OptionSchema

describe('toJsonSchema', () => {
  it('declares draft 2020-12 and an open object', () => {
    const schema = toJsonSchema(EVERY_TYPE, 'Acme')

    expect(schema.$schema).to.equal(JSON_SCHEMA_DIALECT)
    expect(schema.title).to.equal('Acme')
    expect(schema.type).to.equal('object')
    expect(schema.additionalProperties).to.equal(true)
    expect(schema).to.not.have.property('required')
  })

  it('converts each option type', () => {
    const { properties } = toJsonSchema(EVERY_TYPE)

    expect(properties).to.deep.equal({
      text: { type: 'string', description: 'A string.', default: '' },
      count: { type: 'number', description: 'A number.', default: 3 },
      flag: { type: 'boolean', description: 'A boolean.' },
      list: { type: 'array', description: 'An array.', default: [] },
      bag: { type: 'object', description: 'An object.', default: { a: 1 } },
      events: {
        type: ['object', 'array'],
        description: 'A mapping.',
        default: {},
      },
    })
  })

  it('copies defaults instead of sharing them', () => {
    const schema = toJsonSchema(EVERY_TYPE)

    ;(schema.properties!.bag!.default as { a: number }).a = 2

    expect(EVERY_TYPE.bag.default.a).to.equal(1)
  })

  it('lists required options', () => {
    const schema = toJsonSchema({
      id: { type: 'string', required: true, description: 'An ID.' },
      ids: { type: 'array', required: true, description: 'IDs.' },
      note: { type: 'string', description: 'A note.' },
    })

    expect(schema.required).to.deep.equal(['id', 'ids'])
    expect(schema.properties!.id!.minLength).to.equal(1)
    expect(schema.properties!.ids).to.not.have.property('minLength')
    expect(schemaErrors(schema, { id: 'x', ids: [] })).to.deep.equal([])
    expect(schemaErrors(schema, { ids: [] })).to.have.length(1)
    expect(schemaErrors(schema, { id: '', ids: [] })).to.have.length(1)
  })

  it('keeps keys the schema does not name', () => {
    const schema = toJsonSchema(EVERY_TYPE)

    expect(
      schemaErrors(schema, { apiKey: 'k', versionSettings: {} }),
    ).to.deep.equal([])
  })

  it('puts a string pattern and example on the property', () => {
    const schema = toJsonSchema({
      pixelId: {
        type: 'string',
        description: 'Pixel ID.',
        pattern: '^\\d+$',
        example: '1234567890',
      },
    })

    expect(schema.properties!.pixelId).to.deep.equal({
      type: 'string',
      description: 'Pixel ID.',
      pattern: '^$|^\\d+$',
      examples: ['1234567890'],
    })
    expect(schemaErrors(schema, { pixelId: '123' })).to.deep.equal([])
    expect(schemaErrors(schema, { pixelId: '' })).to.deep.equal([])
    expect(schemaErrors(schema, { pixelId: '12<script>' })).to.have.length(1)
  })

  it('keeps a pattern that accepts the empty string as it is', () => {
    const schema = toJsonSchema({
      path: { type: 'string', description: 'A path.', pattern: '^[a-z/]*$' },
    })

    expect(schema.properties!.path!.pattern).to.equal('^[a-z/]*$')
  })

  it('applies an array pattern to each item', () => {
    const schema = toJsonSchema({
      ids: {
        type: 'array',
        required: true,
        description: 'Measurement IDs.',
        pattern: '^G-[A-Z0-9]+$',
        example: 'G-XXXXXXX',
      },
    })

    expect(schema.properties!.ids!.items).to.deep.equal({
      pattern: '^$|^G-[A-Z0-9]+$',
      examples: ['G-XXXXXXX'],
    })
    expect(schemaErrors(schema, { ids: ['G-AB12', ''] })).to.deep.equal([])
    expect(schemaErrors(schema, { ids: ['G-AB12', 'UA-1'] })).to.have.length(1)
  })

  it('leaves out a pattern the loader never tests', () => {
    const schema = toJsonSchema({
      count: { type: 'number', description: 'A count.', pattern: '^\\d$' },
    })

    expect(schema.properties!.count).to.deep.equal({
      type: 'number',
      description: 'A count.',
    })
  })

  it('agrees with validateOptions on canonical values', () => {
    const options = {
      id: {
        type: 'string',
        required: true,
        description: 'An ID.',
        pattern: '^[a-z]+$',
      },
      ids: { type: 'array', description: 'IDs.', pattern: '^[a-z]+$' },
      count: { type: 'number', description: 'A count.' },
      flag: { type: 'boolean', description: 'A flag.' },
      bag: { type: 'object', description: 'An object.' },
      events: { type: 'mapping', description: 'A mapping.' },
    } as const satisfies OptionSchema
    const schema = toJsonSchema(options)
    const cases: Array<Record<string, unknown>> = [
      { id: 'abc' },
      {},
      { id: '' },
      { id: 'ABC' },
      { id: 'abc', ids: ['x', ''] },
      { id: 'abc', ids: ['x', 'Y'] },
      { id: 'abc', ids: 'x' },
      { id: 'abc', count: 2.5 },
      { id: 'abc', count: [] },
      { id: 'abc', flag: false },
      { id: 'abc', flag: 0 },
      { id: 'abc', bag: {} },
      { id: 'abc', bag: [] },
      { id: 'abc', events: [{ key: 'a', value: 'b' }] },
      { id: 'abc', events: { a: 'b' } },
      { id: 'abc', events: 'a' },
    ]

    for (const settings of cases) {
      const loaderAccepts =
        validateOptions('Test', options, settings).errors.length === 0
      const schemaAccepts = schemaErrors(schema, settings).length === 0

      expect(schemaAccepts, JSON.stringify(settings)).to.equal(loaderAccepts)
    }
  })
})

describe('destination JSON Schemas', () => {
  for (const slug of slugs) {
    it(`${slug} accepts its README examples`, async () => {
      const source = await loadSource(slug)
      const schema = toJsonSchema(source.schema, source.name)

      const examples = readmeExamples(source.readmeFile, source.name)

      expect(
        examples,
        `${source.readme} has no JSON settings example`,
      ).to.not.deep.equal([])
      for (const settings of examples) {
        expect(
          schemaErrors(schema, settings),
          JSON.stringify(settings),
        ).to.deep.equal([])
        expect(
          validateOptions(source.name, source.schema, settings).errors,
        ).to.deep.equal([])
      }
    })

    it(`${slug} matches its own defaults`, async () => {
      const source = await loadSource(slug)
      const schema = toJsonSchema(source.schema, source.name)
      const example = readmeExamples(source.readmeFile, source.name)[0]

      const filled = validateOptions(source.name, source.schema, example)

      for (const [name, spec] of Object.entries(source.schema)) {
        expect(schema.properties![name]!.default, name).to.deep.equal(
          spec.default,
        )
      }
      expect(schemaErrors(schema, filled.options)).to.deep.equal([])
    })
  }
})
