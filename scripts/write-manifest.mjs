// Writes dist/integrations.json from the built ES modules: for each
// destination its name, slug, aliases, version, options (type, default,
// description, required), icon path and the gzip bytes of its own code.
// Run by scripts/build.mjs after rollup; it only reads dist/esm.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

import terser from '@rollup/plugin-terser'
import { rollup } from 'rollup'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const builtDir = path.join(root, 'dist', 'esm', 'integrations')
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
    plugins: [terser({ ecma: 2019, format: { comments: false } })],
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
  }))
}

async function main() {
  const slugs = existsSync(builtDir)
    ? readdirSync(builtDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : []

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
    integrations.push({
      name: factory.integrationName,
      slug,
      aliases: [...factory.aliases],
      version,
      options: describeOptions(factory.schema),
      icon: existsSync(path.join(root, icon)) ? icon : null,
      gzipBytes: await ownGzipBytes(entry),
    })
  }

  const file = path.join(root, 'dist', 'integrations.json')
  writeFileSync(file, `${JSON.stringify({ version, integrations }, null, 2)}\n`)
  console.log(
    `manifest: ${integrations.length} integrations → ${path.relative(root, file)}`,
  )
}

main().catch((error) => {
  console.error(`manifest: ${error.message}`)
  process.exit(1)
})
