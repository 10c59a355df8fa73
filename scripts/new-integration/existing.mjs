// Finds what a new destination's name would clash with: the folders under
// integrations/, each destination's catalogue name and aliases, and the
// keys that settings and the `integrations` option reserve.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { register } from 'tsx/esm/api'

import { integrationSlugs } from '../readme-sections.mjs'
import { EXIT_FAILURE, EXIT_USAGE, ScaffoldError } from './errors.mjs'
import { nameKey } from './names.mjs'

/**
 * Lists the names taken in `root`, each as `{ name, reason }`. The catalogue
 * names come from importing each integrations/<slug>/index.ts with tsx, as
 * `npm run docs` does, because a destination may declare its name through a
 * constant.
 */
export async function listTakenNames(root) {
  const takenNames = [
    {
      name: 'All',
      reason:
        '"All" is the key of the integrations option that turns every destination on or off',
    },
  ]
  const unregister = register()
  try {
    const { ENDPOINT_NAMES } = await importFile(
      root,
      path.join('src', 'pipeline', 'routing.ts'),
    )
    for (const name of ENDPOINT_NAMES)
      takenNames.push({
        name,
        reason: `"${name}" names the first-party endpoint`,
      })

    const dir = path.join(root, 'integrations')
    for (const entry of readdirSync(dir)) {
      takenNames.push({ name: entry, reason: `integrations/${entry} exists` })
    }
    for (const slug of integrationSlugs(root)) {
      const file = path.join('integrations', slug, 'index.ts')
      const factory = (await importFile(root, file)).default
      if (typeof factory?.integrationName !== 'string') continue
      const name = factory.integrationName
      takenNames.push({ name, reason: `${file} declares "${name}"` })
      for (const alias of factory.aliases ?? [])
        takenNames.push({
          name: alias,
          reason: `${file} declares the alias "${alias}"`,
        })
    }
  } finally {
    await unregister()
  }
  return takenNames
}

async function importFile(root, file) {
  try {
    return await import(pathToFileURL(path.join(root, file)).href)
  } catch (error) {
    throw new ScaffoldError(
      `cannot read the existing destinations' names: importing ${file} failed (${error.message}). Fix that file, then run again.`,
      EXIT_FAILURE,
    )
  }
}

/**
 * Throws a ScaffoldError when the new destination's name or slug is taken,
 * or when its test folder exists. Names that differ only in case, accents,
 * spacing or punctuation count as the same name, because `--integrations`
 * and the `integrations` option match names loosely.
 */
export function assertNameIsFree(root, names, takenNames) {
  const key = nameKey(names.name)
  const clash = takenNames.find((entry) => nameKey(entry.name) === key)
  if (clash) {
    throw new ScaffoldError(
      `the name ${JSON.stringify(names.name)} is taken: ${clash.reason}. Choose another name.`,
      EXIT_USAGE,
    )
  }
  const testFolder = path.join('test', 'unit', 'integrations', names.slug)
  if (existsSync(path.join(root, testFolder))) {
    throw new ScaffoldError(
      `the slug "${names.slug}" is taken: ${testFolder} exists. Remove it, or choose another name.`,
      EXIT_USAGE,
    )
  }
}
