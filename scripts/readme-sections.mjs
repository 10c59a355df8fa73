// Renders the generated sections of integrations/<slug>/README.md: the
// options table from the option schema that index.ts declares (with the
// option descriptions docs.ts adds), and the mappings table from docs.ts. scripts/docs.mjs writes them, and
// test/unit/integration/readme-sections.test.ts fails when a README differs.
// Only the text between a section's start and end markers is replaced.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import * as prettier from 'prettier'

/** The generated sections, each between its own pair of markers. */
export const SECTIONS = ['options', 'mappings']

/** Returns the comment lines that open and close a generated section. */
export function sectionMarkers(section) {
  return { start: `<!-- ${section}:start -->`, end: `<!-- ${section}:end -->` }
}

/** Returns the slugs of integrations/<slug>/index.ts under `root`, sorted. */
export function integrationSlugs(root) {
  const dir = path.join(root, 'integrations')
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((slug) => existsSync(path.join(dir, slug, 'index.ts')))
    .sort()
}

/**
 * Imports one destination's factory (index.ts) and mapping table (docs.ts),
 * and returns its schema with the option descriptions of both.
 * `importModule` imports a file by absolute path: plain `import()` under
 * tsx, or a tsx loader from a plain Node script.
 *
 * @param {string} root
 * @param {string} slug
 * @param {(file: string) => Promise<{ default?: unknown }>} importModule
 */
export async function loadIntegration(root, slug, importModule) {
  const folder = path.join(root, 'integrations', slug)
  const factory = (await importModule(path.join(folder, 'index.ts'))).default
  if (typeof factory !== 'function' || !factory.integrationName) {
    throw new Error(
      `integrations/${slug}/index.ts must default-export a factory made by defineIntegration.`,
    )
  }
  const docsFile = path.join(folder, 'docs.ts')
  if (!existsSync(docsFile)) {
    throw new Error(
      `integrations/${slug}/docs.ts is missing: add one that default-exports ` +
        'the mapping table (the IntegrationDocs type in src/integration/docs.ts).',
    )
  }
  const docs = (await importModule(docsFile)).default
  if (!docs || !Array.isArray(docs.mappings)) {
    throw new Error(
      `integrations/${slug}/docs.ts must default-export { vendorCallHeading, mappings, mappedEvents }.`,
    )
  }
  return {
    slug,
    name: factory.integrationName,
    schema: describedSchema(slug, factory.schema, docs),
    docs,
    readme: `integrations/${slug}/README.md`,
    readmeFile: path.join(folder, 'README.md'),
  }
}

/**
 * Returns a copy of the option schema in which every option has its
 * description: the schema's own, else the one in docs.ts
 * `optionDescriptions`. Throws, naming the file to fix, when an option has
 * none or both, when a required option's is not in the schema (the error
 * for a missing option quotes it), or when `optionDescriptions` names an
 * unknown option.
 *
 * @param {string} slug
 * @param {import('../src/integration/schema').OptionSchema | undefined} schema
 * @param {Partial<import('../src/integration/docs').IntegrationDocs> | undefined} docs
 * @returns {import('../src/integration/schema').OptionSchema}
 */
export function describedSchema(slug, schema = {}, docs = {}) {
  const descriptions = docs.optionDescriptions ?? {}
  for (const name of Object.keys(descriptions)) {
    if (!(name in schema)) {
      throw new Error(
        `integrations/${slug}/docs.ts: optionDescriptions names "${name}", which is not an option. Remove it or fix the name.`,
      )
    }
  }
  const described = {}
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.required && spec.description === undefined) {
      throw new Error(
        `integrations/${slug}: required option "${name}" needs its description in the option schema, because the error for a missing option quotes it.`,
      )
    }
    if (spec.description !== undefined && name in descriptions) {
      throw new Error(
        `integrations/${slug}: option "${name}" is described in both its schema and optionDescriptions in docs.ts. Keep one.`,
      )
    }
    const description = spec.description ?? descriptions[name]
    if (typeof description !== 'string') {
      throw new Error(
        `integrations/${slug}: option "${name}" has no description. Add one to its schema entry or to optionDescriptions in docs.ts.`,
      )
    }
    described[name] = { ...spec, description }
  }
  return described
}

/** Wraps text in a code span whose backtick fence the text cannot close. */
function codeSpan(text) {
  const longestRun = Math.max(
    0,
    ...(text.match(/`+/g) ?? []).map((run) => run.length),
  )
  const fence = '`'.repeat(longestRun + 1)
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${padding}${text}${padding}${fence}`
}

/** Makes Markdown fit in one table cell: one line, with `|` escaped. */
function tableCell(markdown) {
  return String(markdown)
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
}

function tableRow(cells) {
  return `| ${cells.map(tableCell).join(' | ')} |`
}

function table(headings, rows) {
  return [
    tableRow(headings),
    tableRow(headings.map(() => '---')),
    ...rows.map(tableRow),
  ].join('\n')
}

function defaultCell(spec) {
  if (spec.required) return 'required'
  if (spec.default === undefined) return 'none'
  return codeSpan(JSON.stringify(spec.default))
}

/** Returns the description, followed by the pattern and example if set. */
function descriptionCell(spec) {
  const parts = [spec.description]
  if (spec.pattern !== undefined && spec.example !== undefined)
    parts.push(
      `Must match ${codeSpan(spec.pattern)}, such as ${codeSpan(spec.example)}.`,
    )
  else if (spec.pattern !== undefined)
    parts.push(`Must match ${codeSpan(spec.pattern)}.`)
  else if (spec.example !== undefined)
    parts.push(`For example ${codeSpan(spec.example)}.`)
  return parts.join(' ')
}

/** Renders the options table of an option schema, before formatting. */
export function optionsTable(schema) {
  const rows = Object.entries(schema).map(([name, spec]) => [
    codeSpan(name),
    spec.type,
    defaultCell(spec),
    descriptionCell(spec),
  ])
  return table(['option', 'type', 'default', 'description'], rows)
}

/** Renders the mappings table of a docs.ts export, before formatting. */
export function mappingsTable(docs) {
  const rows = docs.mappings.map((row) => [row.segmentCall, row.vendorCall])
  return table(['Segment call', docs.vendorCallHeading], rows)
}

/** Formats Markdown with the Prettier options that apply to `file`. */
async function formatMarkdown(markdown, file) {
  const options = (await prettier.resolveConfig(file)) ?? {}
  const formatted = await prettier.format(markdown, {
    ...options,
    parser: 'markdown',
  })
  return formatted.trimEnd()
}

/**
 * Replaces the text between one section's markers. Throws when a marker is
 * missing, repeated or out of order, naming the file and the marker to add.
 */
export function replaceSection(text, file, section, body) {
  const { start, end } = sectionMarkers(section)
  for (const marker of [start, end]) {
    const count = text.split(marker).length - 1
    if (count === 0) {
      throw new Error(
        `${file}: marker ${marker} not found. Put ${start} and ${end}, ` +
          `each on its own line, around the ${section} table.`,
      )
    }
    if (count > 1) {
      throw new Error(
        `${file}: marker ${marker} appears ${count} times. Remove all but one.`,
      )
    }
  }
  const from = text.indexOf(start) + start.length
  const to = text.indexOf(end)
  if (to < from) {
    throw new Error(`${file}: ${end} must come after ${start}.`)
  }
  return `${text.slice(0, from)}\n\n${body}\n\n${text.slice(to)}`
}

/**
 * Returns the README text with both generated sections rendered from the
 * destination's schema and docs.ts. `readme` is the current text.
 */
export async function renderReadme(integration, readme) {
  const file = integration.readmeFile
  const bodies = {
    options: await formatMarkdown(optionsTable(integration.schema), file),
    mappings: await formatMarkdown(mappingsTable(integration.docs), file),
  }
  let text = readme
  for (const section of SECTIONS) {
    text = replaceSection(text, integration.readme, section, bodies[section])
  }
  return text
}

/** Reads a destination's README and renders it: `{ current, rendered }`. */
export async function readAndRenderReadme(integration) {
  const current = readFileSync(integration.readmeFile, 'utf8')
  return { current, rendered: await renderReadme(integration, current) }
}
