// Regenerates the options and mappings sections of every
// integrations/<slug>/README.md, from the option schema in index.ts and the
// mapping table in docs.ts, read from the TypeScript sources. Text outside
// the `<!-- options:start -->`-style markers is left as it is.
//
//   node scripts/docs.mjs          rewrites the READMEs that differ
//   node scripts/docs.mjs --check  lists the READMEs that differ, exits 1
//
// `npm run docs` builds first, so dist/integrations.json and
// dist/schemas/<slug>.json are regenerated too.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { register } from 'tsx/esm/api'

import {
  integrationSlugs,
  loadIntegration,
  readAndRenderReadme,
} from './readme-sections.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const USAGE = 'usage: node scripts/docs.mjs [--check]'

function parseArguments(args) {
  const unknown = args.filter((arg) => arg !== '--check')
  if (unknown.length > 0) {
    console.error(`docs: unknown argument ${unknown.join(' ')}. ${USAGE}`)
    process.exit(2)
  }
  return { check: args.includes('--check') }
}

async function main() {
  const { check } = parseArguments(process.argv.slice(2))
  const unregister = register()
  const importModule = (file) => import(pathToFileURL(file).href)

  const outdated = []
  for (const slug of integrationSlugs(root)) {
    const integration = await loadIntegration(root, slug, importModule)
    const { current, rendered } = await readAndRenderReadme(integration)
    if (current === rendered) continue
    outdated.push(integration.readme)
    if (!check) writeFileSync(integration.readmeFile, rendered)
  }
  await unregister()

  if (check && outdated.length > 0) {
    console.error('docs: these READMEs differ from their schema or docs.ts:')
    for (const file of outdated) console.error(`  ${file}`)
    console.error('Run `npm run docs` to regenerate them.')
    process.exit(1)
  }
  const verb = check ? 'up to date' : 'regenerated'
  const count = check ? integrationSlugs(root).length : outdated.length
  console.log(`docs: ${count} README${count === 1 ? '' : 's'} ${verb}`)
}

main().catch((error) => {
  console.error(`docs: ${error.message}`)
  process.exit(1)
})
