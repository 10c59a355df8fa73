import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Folder of the bundle under test: `dist/`, or `E2E_DIST_DIR` to run the
 * suite against another build of `analytics.min.js`.
 */
export const DIST_DIR = process.env.E2E_DIST_DIR
  ? resolve(process.env.E2E_DIST_DIR)
  : fileURLToPath(new URL('../../../dist/', import.meta.url))

export const BUNDLE_FILE = join(DIST_DIR, 'analytics.min.js')

/** Throws when the built bundle is missing, so browser suites fail, not skip. */
export function assertBundleBuilt(): void {
  if (!existsSync(BUNDLE_FILE)) {
    throw new Error(
      `${BUNDLE_FILE} is missing: run \`npm run build\` before the end-to-end tests.`,
    )
  }
}
