// Prints only the sizes that `npm run bench` reports. They are gzip -9 and
// brotli bytes of the script-tag bundles, of the core with the facade
// (what any destination brings along), of the core with each destination,
// and of an SPA bundle built from the npm entry. Needs `npm run build` first.
//
//   node bench/size.mjs [--json]
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { formatSizeTable } from './lib/report.mjs'
import { measureSizes } from './lib/size.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

try {
  const sizes = await measureSizes(root)
  console.log(
    process.argv.includes('--json')
      ? JSON.stringify(sizes, null, 2)
      : formatSizeTable(sizes),
  )
} catch (error) {
  console.error(`bench/size: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
}
