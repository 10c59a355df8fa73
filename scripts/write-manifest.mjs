// Writes dist/integrations.json from the built ES modules: for each
// destination its name, slug, aliases, version, options (type, default,
// description, required, pattern, example), the call types it implements,
// the events it maps on its own (from its docs.ts), icon path, the gzip bytes
// of its own code and the path of its JSON Schema. Also writes each
// destination's settings schema to dist/schemas/<slug>.json. Option
// descriptions come from the schema, or else from docs.ts. Run by
// scripts/build.mjs after rollup. It reads dist/esm, plus the TypeScript
// sources of src/integration/json-schema.ts and each docs.ts, which no
// bundle contains.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

import terser from '@rollup/plugin-terser'
import { rollup } from 'rollup'
import { register } from 'tsx/esm/api'

import { describedSchema } from './readme-sections.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const builtDir = path.join(root, 'dist', 'esm', 'integrations')
const schemaDir = path.join(root, 'dist', 'schemas')
const version = JSON.parse(
  readFileSync(path.join(root, 'package.json'), 'utf8'),
).version

/**
 * Returns the gzip -9 size of one destination's own modules, minified, with
 * the core and the facade left out: the bytes it adds to a bundle that
 * already has them.
 */
async function ownGzipBytes(entry) {
  const ownFolder = path.dirname(entry) + path.sep
  const bundle = await rollup({
    input: entry,
    external: (id, importer) => {
      if (!importer) return false
      const resolved = id.startsWith('.')
        ? path.resolve(path.dirname(importer), id)
        : id
      return !resolved.startsWith(ownFolder)
    },
    onwarn: () => {},
  })
  const { output } = await bundle.generate({
    format: 'es',
    plugins: [terser({ ecma: 2020, format: { comments: false } })],
  })
  await bundle.close()
  return gzipSync(output[0].code, { level: 9 }).length
}

function describeOptions(schema) {
  return Object.entries(schema ?? {}).map(([name, spec]) => ({
    name,
    type: spec.type,
    required: spec.required === true,
    default: spec.default,
    description: spec.description,
    pattern: spec.pattern,
    example: spec.example,
  }))
}

const CALL_TYPES = ['track', 'page', 'screen', 'identify', 'group', 'alias']

/**
 * Makes a plugin from the factory, without loading it, to read what only
 * the plugin carries: its version and the call types it implements.
 * Making one has no side effects; invalid options only fail `load`.
 */
function describePlugin(factory) {
  const plugin = factory({})
  return {
    version: plugin.version,
    callTypes: CALL_TYPES.filter((type) => typeof plugin[type] === 'function'),
  }
}

/** Imports integrations/<slug>/docs.ts, or returns undefined when absent. */
async function readDocs(slug) {
  const file = path.join(root, 'integrations', slug, 'docs.ts')
  if (!existsSync(file)) return undefined
  return (await import(pathToFileURL(file).href)).default
}

function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)
}

async function main() {
  const slugs = existsSync(builtDir)
    ? readdirSync(builtDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : []

  // tsx compiles the TypeScript sources imported below; dist/esm is plain
  // JavaScript and needs no loader.
  const unregister = register()
  const { toJsonSchema } = await import(
    pathToFileURL(path.join(root, 'src', 'integration', 'json-schema.ts')).href
  )
  rmSync(schemaDir, { recursive: true, force: true })
  mkdirSync(schemaDir, { recursive: true })

  const integrations = []
  for (const slug of slugs) {
    const entry = path.join(builtDir, slug, 'index.js')
    if (!existsSync(entry)) continue
    const factory = (await import(pathToFileURL(entry).href)).default
    if (typeof factory !== 'function' || !factory.integrationName) {
      throw new Error(
        `integrations/${slug}/index.ts must default-export a factory made by defineIntegration.`,
      )
    }
    const icon = path.join('integrations', slug, 'icon.svg')
    const jsonSchema = path.posix.join('dist', 'schemas', `${slug}.json`)
    const docs = await readDocs(slug)
    const schema = describedSchema(slug, factory.schema, docs)
    writeJson(
      path.join(root, jsonSchema),
      toJsonSchema(schema, factory.integrationName),
    )
    const plugin = describePlugin(factory)
    integrations.push({
      name: factory.integrationName,
      slug,
      aliases: [...factory.aliases],
      version: plugin.version ?? version,
      options: describeOptions(schema),
      callTypes: plugin.callTypes,
      mappedEvents: docs?.mappedEvents ?? [],
      icon: existsSync(path.join(root, icon)) ? icon : null,
      gzipBytes: await ownGzipBytes(entry),
      jsonSchema,
    })
  }
  await unregister()

  const file = path.join(root, 'dist', 'integrations.json')
  writeJson(file, { version, integrations })
  console.log(
    `manifest: ${integrations.length} integrations → ${path.relative(root, file)}`,
  )
}

main().catch((error) => {
  console.error(`manifest: ${error.message}`)
  process.exit(1)
})
