import { expect } from 'chai'

import { validateOptions } from '../../../src/integration/schema'
import { loadSource, slugs, type IntegrationSource } from './sources'

const HOSTILE_VALUES = [
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  'G-1" onload="alert(1)',
  'https://evil.example.test/x.js',
]

/**
 * Options whose value ends up in a vendor script, image or iframe URL, or in
 * the vendor's tag. Each one must declare a pattern.
 */
const URL_OPTIONS: Record<string, string[]> = {
  'google-tag-manager': ['containerId'],
  'google-analytics-4': ['measurementIds'],
  'google-ads': ['accountId', 'floodlightAccountId'],
  adwords: ['conversionId'],
  'doubleclick-floodlight': [
    'source',
    'activityTag',
    'groupTag',
    'googleNetworkId',
  ],
  'facebook-pixel': ['pixelId'],
  'retention-science': ['siteId'],
}

describe('option patterns', () => {
  const sources = new Map<string, IntegrationSource>()

  before(async () => {
    for (const slug of slugs) sources.set(slug, await loadSource(slug))
  })

  for (const [slug, names] of Object.entries(URL_OPTIONS)) {
    for (const name of names) {
      it(`${slug} ${name} has a pattern`, () => {
        const spec = sources.get(slug)?.schema[name]

        expect(spec?.pattern, `${slug}.${name}.pattern`).to.be.a('string')
        expect(spec?.example, `${slug}.${name}.example`).to.be.a('string')
      })

      it(`${slug} ${name} accepts its example`, () => {
        const source = sources.get(slug)!
        const spec = source.schema[name]!
        const value = spec.type === 'array' ? [spec.example] : spec.example

        const { errors } = validateOptions(source.name, source.schema, {
          ...requiredValues(source),
          [name]: value,
        })

        expect(errors).to.deep.equal([])
      })

      it(`${slug} ${name} rejects markup and schemes`, () => {
        const source = sources.get(slug)!
        const spec = source.schema[name]!

        for (const hostile of HOSTILE_VALUES) {
          const value = spec.type === 'array' ? [hostile] : hostile
          const { errors } = validateOptions(source.name, source.schema, {
            ...requiredValues(source),
            [name]: value,
          })

          expect(errors, hostile).to.deep.equal([
            `${source.name}: option "${name}" must match ${spec.pattern} such as "${spec.example}", received ${JSON.stringify(hostile)}.`,
          ])
        }
      })
    }
  }

  it('names existing destinations', () => {
    expect(slugs).to.include.members(Object.keys(URL_OPTIONS))
  })
})

/** Returns a valid value for each required option, from the schema's examples. */
function requiredValues(source: IntegrationSource): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(source.schema)) {
    if (!spec.required) continue
    values[name] = spec.type === 'array' ? [spec.example] : spec.example
  }
  return values
}

describe('field patterns in mappings', () => {
  const HOSTILE = '"><script>alert(1)</script>'
  const cases: Array<{
    slug: string
    required: Record<string, unknown>
    option: string
    value: unknown
    path: string
  }> = [
    {
      slug: 'doubleclick-floodlight',
      required: {},
      option: 'events',
      value: [
        { key: 'Signed Up', value: { event: 'Signed Up', cat: HOSTILE } },
      ],
      path: 'events[0].value.cat',
    },
    {
      slug: 'google-ads',
      required: { accountId: 'AW-1' },
      option: 'clickConversions',
      value: [{ value: { event: 'Signed Up', id: 'ok', accountId: HOSTILE } }],
      path: 'clickConversions[0].value.accountId',
    },
    {
      slug: 'adwords',
      required: { conversionId: '1' },
      option: 'eventMappings',
      value: [{ key: 'Signed Up', value: { label: 'javascript:alert(1)' } }],
      path: 'eventMappings[0].value.label',
    },
  ]

  for (const { slug, required, option, value, path } of cases) {
    it(`${slug} rejects ${path}`, async () => {
      const source = await loadSource(slug)

      const { errors } = validateOptions(source.name, source.schema, {
        ...required,
        [option]: value,
      })

      expect(errors).to.have.length(1)
      expect(errors[0]).to.contain(`option "${path}" must match`)
    })
  }

  it('accepts the valid seed mappings', async () => {
    const source = await loadSource('doubleclick-floodlight')

    const { errors } = validateOptions(source.name, source.schema, {
      events: [
        { key: 'A', value: { event: 'A', cat: 'sales0', type: 'conv0' } },
      ],
    })

    expect(errors).to.deep.equal([])
  })
})
