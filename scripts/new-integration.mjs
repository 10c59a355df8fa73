// `npm run new-integration -- "Example Metrics"` writes a new destination: its
// folder under integrations/ (index.ts, docs.ts, README.md, icon.svg) and a
// unit test on a stand-in vendor. `--help` prints the usage. It checks the
// name before writing anything, and writes through a staging folder, so an
// invalid name or a failure leaves no file behind. The steps are in
// scripts/new-integration/.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { parseArguments, USAGE } from './new-integration/arguments.mjs'
import { EXIT_FAILURE, ScaffoldError } from './new-integration/errors.mjs'
import {
  assertNameIsFree,
  listTakenNames,
} from './new-integration/existing.mjs'
import { destinationFolders, renderFiles } from './new-integration/files.mjs'
import { chooseIdentifiers } from './new-integration/identifiers.mjs'
import { deriveNames } from './new-integration/names.mjs'
import { successReport } from './new-integration/report.mjs'
import { placeholderVendor } from './new-integration/spec.mjs'
import { writeFolders } from './new-integration/stage.mjs'
import { TEST_IDENTIFIERS } from './new-integration/templates/test-file.mjs'

const repositoryRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
)

async function main(args) {
  const request = parseArguments(args, repositoryRoot)
  if (request.help) {
    process.stdout.write(USAGE)
    return
  }
  const { root, dryRun } = request
  const names = deriveNames(request.name)
  assertNameIsFree(root, names, await listTakenNames(root))

  const identifiers = await chooseIdentifiers(names, TEST_IDENTIFIERS)
  const files = await renderFiles(root, names, identifiers)
  if (!dryRun) {
    writeFolders(root, Object.values(destinationFolders(names.slug)), files)
  }
  const vendor = placeholderVendor(names, identifiers)
  process.stdout.write(successReport({ names, vendor, files, dryRun }))
}

main(process.argv.slice(2)).catch((error) => {
  const known = error instanceof ScaffoldError
  console.error(`new-integration: ${known ? error.message : error.stack}`)
  process.exitCode = known ? error.exitCode : EXIT_FAILURE
})
