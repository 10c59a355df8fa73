import { expect } from 'chai'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import {
  describedSchema,
  mappingsTable,
  optionsTable,
  readAndRenderReadme,
  renderReadme,
  replaceSection,
} from '../../../scripts/readme-sections.mjs'
import type { OptionSchema } from '../../../src/integration/schema'
import { loadSource, root, slugs, type IntegrationSource } from './sources'

const README = [
  '# Acme',
  '',
  'Hand-written text, kept as it is.',
  '',
  '<!-- options:start -->',
  'stale options',
  '<!-- options:end -->',
  '',
  'More text | with a pipe.',
  '',
  '<!-- mappings:start -->',
  '<!-- mappings:end -->',
  '',
  'Closing text.',
  '',
].join('\n')

const ACME: IntegrationSource = {
  slug: 'acme',
  name: 'Acme',
  schema: {
    apiKey: {
      type: 'string',
      required: true,
      description: 'Acme API key.',
      pattern: '^[a-z]+$|^k-\\d+$',
      example: 'k-1',
    },
    host: { type: 'string', default: 'acme.test', description: 'Host.' },
    sampleRate: { type: 'number', description: 'Share of calls sent.' },
  },
  docs: {
    vendorCallHeading: 'acme call',
    mappings: [
      { segmentCall: '`page()`', vendorCall: "`acme('view')`" },
      { segmentCall: 'track', vendorCall: 'one | two' },
    ],
    mappedEvents: [],
  },
  readme: 'integrations/acme/README.md',
  readmeFile: path.join(root, 'integrations', 'acme', 'README.md'),
}

describe('integration READMEs', () => {
  for (const slug of slugs) {
    it(`${slug} matches its schema and docs.ts`, async () => {
      const source = await loadSource(slug)

      const { current, rendered } = await readAndRenderReadme(source)

      expect(current, `${source.readme}: run \`npm run docs\``).to.equal(
        rendered,
      )
    })
  }

  it('no shipped module imports docs.ts', () => {
    const importsDocs = /from\s+['"]\.\/docs(\.[jt]s)?['"]/

    for (const slug of slugs) {
      const folder = path.join(root, 'integrations', slug)
      for (const file of readdirSync(folder)) {
        if (!file.endsWith('.ts') || file === 'docs.ts') continue
        const source = readFileSync(path.join(folder, file), 'utf8')

        expect(
          importsDocs.test(source),
          `integrations/${slug}/${file}`,
        ).to.equal(false)
      }
    }
  })
})

describe('renderReadme', () => {
  it('replaces only the text between the markers', async () => {
    const rendered = await renderReadme(ACME, README)

    const [before, rest] = rendered.split('<!-- options:start -->')
    const between = rest!.slice(rest!.indexOf('<!-- options:end -->'))
    expect(before).to.equal('# Acme\n\nHand-written text, kept as it is.\n\n')
    expect(between).to.match(
      /^<!-- options:end -->\n\nMore text \| with a pipe\.\n\n<!-- mappings:start -->/,
    )
    expect(
      rendered.endsWith('<!-- mappings:end -->\n\nClosing text.\n'),
    ).to.equal(true)
    expect(rendered).to.not.include('stale options')
  })

  it('renders the options table', async () => {
    const rendered = await renderReadme(ACME, README)

    expect(rendered).to.include(
      [
        '| option       | type   | default       | description                                                  |',
        '| ------------ | ------ | ------------- | ------------------------------------------------------------ |',
        '| `apiKey`     | string | required      | Acme API key. Must match `^[a-z]+$\\|^k-\\d+$`, such as `k-1`. |',
        '| `host`       | string | `"acme.test"` | Host.                                                        |',
        '| `sampleRate` | number | none          | Share of calls sent.                                         |',
      ].join('\n'),
    )
  })

  it('renders the mappings table', async () => {
    const rendered = await renderReadme(ACME, README)

    expect(rendered).to.include(
      [
        '| Segment call | acme call      |',
        '| ------------ | -------------- |',
        "| `page()`     | `acme('view')` |",
        '| track        | one \\| two     |',
      ].join('\n'),
    )
  })

  it('renders the same text twice', async () => {
    const once = await renderReadme(ACME, README)

    const twice = await renderReadme(ACME, once)

    expect(twice).to.equal(once)
  })

  it('rejects a README without a marker', async () => {
    const readme = README.replace('<!-- mappings:end -->\n', '')

    let message = ''
    try {
      await renderReadme(ACME, readme)
    } catch (error) {
      message = (error as Error).message
    }

    expect(message).to.include('integrations/acme/README.md')
    expect(message).to.include('marker <!-- mappings:end --> not found')
  })
})

describe('replaceSection', () => {
  it('rejects a repeated marker', () => {
    const text = `${README}<!-- options:start -->\n`

    expect(() => replaceSection(text, 'README.md', 'options', 'x')).to.throw(
      'README.md: marker <!-- options:start --> appears 2 times. Remove all but one.',
    )
  })

  it('rejects an end marker before its start', () => {
    const text = '<!-- options:end -->\n<!-- options:start -->\n'

    expect(() => replaceSection(text, 'README.md', 'options', 'x')).to.throw(
      'README.md: <!-- options:end --> must come after <!-- options:start -->.',
    )
  })
})

describe('table cells', () => {
  it('fence a code span around backticks', () => {
    const table = optionsTable({
      quote: {
        type: 'string',
        description: 'A quote.',
        example: 'a`b',
      },
    })

    expect(table).to.include('A quote. For example ``a`b``.')
  })

  it('join lines of a cell', () => {
    const table = mappingsTable({
      vendorCallHeading: 'call',
      mappings: [{ segmentCall: 'page', vendorCall: 'one\ntwo' }],
      mappedEvents: [],
    })

    expect(table.split('\n')[2]).to.equal('| page | one two |')
  })
})

describe('describedSchema', () => {
  const SCHEMA: OptionSchema = {
    id: { type: 'string', required: true, description: 'Account id.' },
    host: { type: 'string', default: 'acme.test' },
  }

  it('takes a missing description from docs.ts', () => {
    const schema = describedSchema('acme', SCHEMA, {
      optionDescriptions: { host: 'Host.' },
    })

    expect(schema).to.deep.equal({
      id: { type: 'string', required: true, description: 'Account id.' },
      host: { type: 'string', default: 'acme.test', description: 'Host.' },
    })
    expect(SCHEMA.host).to.not.have.property('description')
  })

  it('rejects an option without a description', () => {
    expect(() => describedSchema('acme', SCHEMA, {})).to.throw(
      'integrations/acme: option "host" has no description. Add one to its schema entry or to optionDescriptions in docs.ts.',
    )
  })

  it('rejects an option described twice', () => {
    const descriptions = { host: 'Host.', id: 'Id.' }

    expect(() =>
      describedSchema('acme', SCHEMA, { optionDescriptions: descriptions }),
    ).to.throw(
      'integrations/acme: option "id" is described in both its schema and optionDescriptions in docs.ts. Keep one.',
    )
  })

  it('rejects a required option described only in docs.ts', () => {
    const schema: OptionSchema = { id: { type: 'string', required: true } }

    expect(() =>
      describedSchema('acme', schema, { optionDescriptions: { id: 'Id.' } }),
    ).to.throw(
      'integrations/acme: required option "id" needs its description in the option schema, because the error for a missing option quotes it.',
    )
  })

  it('rejects a description of an unknown option', () => {
    const descriptions = { host: 'Host.', hots: 'Typo.' }

    expect(() =>
      describedSchema('acme', SCHEMA, { optionDescriptions: descriptions }),
    ).to.throw(
      'integrations/acme/docs.ts: optionDescriptions names "hots", which is not an option. Remove it or fix the name.',
    )
  })
})
