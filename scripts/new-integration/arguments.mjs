// Reads the command line of `npm run new-integration`.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { ScaffoldError } from './errors.mjs'

export const USAGE = `Usage: npm run new-integration -- "<Display Name>" [--dry-run] [--root <dir>]

Writes a new destination from its display name, the name the settings use
(for example "Example Metrics"), with a placeholder vendor to replace:

  integrations/<slug>/index.ts    the destination, made by defineIntegration
  integrations/<slug>/docs.ts     its option descriptions and mapping table
  integrations/<slug>/README.md   set-up, options, mappings, not supported, tests
  integrations/<slug>/icon.svg    a placeholder icon with its initials
  test/unit/integrations/<slug>/destination.test.ts
                                  one case per call type, on a stand-in vendor

The slug is the name in lower-case ASCII, its words joined by "-".

Options:
  --dry-run     list the files it would write, and write nothing
  --root <dir>  the repository to write into (default: this repository)
  -h, --help    print this help

Exit status: 0 when written or listed, 2 for an invalid argument or name
(nothing is written), 1 for any other failure.
`

/**
 * Returns `{ help, dryRun, root, name }`. Throws a ScaffoldError for an
 * unknown option or a count of names other than one.
 */
export function parseArguments(args, defaultRoot) {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'dry-run': { type: 'boolean' },
        root: { type: 'string' },
      },
    })
  } catch (error) {
    throw new ScaffoldError(`${error.message}\n\n${USAGE}`)
  }
  const { values, positionals } = parsed
  if (values.help) return { help: true }
  if (positionals.length > 1) {
    throw new ScaffoldError(
      `expected one destination name, received ${positionals.length}: ${positionals.map((name) => JSON.stringify(name)).join(', ')}. Quote a name that has spaces: npm run new-integration -- "Example Metrics".`,
    )
  }
  const root = path.resolve(values.root ?? defaultRoot)
  if (!existsSync(path.join(root, 'integrations'))) {
    throw new ScaffoldError(
      `--root ${root} has no integrations folder: point it at a clickstream repository.`,
    )
  }
  return {
    help: false,
    dryRun: values['dry-run'] === true,
    root,
    name: positionals[0],
  }
}
