// Loads what the `clickstream` command needs from this package's build:
// the settings tools and every bundled destination, from dist/esm only.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { CommandError, EXIT_USAGE } from './errors.mjs'

const packageRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
)
const esmDir = path.join(packageRoot, 'dist', 'esm')
const toolsFile = path.join(esmDir, 'src', 'integration', 'settings-tools.js')
const integrationsDir = path.join(esmDir, 'integrations')

/**
 * Imports the settings tools and the destination factories. Throws a
 * CommandError that requests a build when dist/esm is missing or stale.
 */
export async function loadDist() {
  if (!existsSync(toolsFile) || !existsSync(integrationsDir)) {
    throw new CommandError(
      `The build of clickstream-analytics is missing (no ${path.relative(packageRoot, toolsFile)} in ${packageRoot}): run \`npm run build\` there first.`,
      EXIT_USAGE,
    )
  }
  const tools = await import(pathToFileURL(toolsFile).href)
  const destinations = []
  for (const slug of listSlugs()) {
    const entry = path.join(integrationsDir, slug, 'index.js')
    const factory = (await import(pathToFileURL(entry).href)).default
    if (typeof factory !== 'function' || !factory.integrationName) {
      throw new CommandError(
        `${entry} exports no destination made by defineIntegration: run \`npm run build\` in ${packageRoot} again.`,
        EXIT_USAGE,
      )
    }
    destinations.push(factory)
  }
  return { tools, destinations }
}

function listSlugs() {
  return readdirSync(integrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((slug) => existsSync(path.join(integrationsDir, slug, 'index.js')))
    .sort()
}
