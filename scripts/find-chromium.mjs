// Locates the Chromium that karma and the e2e tests drive. No test tool may
// download a browser of its own, so every runner goes through this module.
// Run directly, it prints the executable's path or exits 1 with the fix.
import { accessSync, constants } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const CANDIDATE_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
]

/**
 * Command-line flags for every Chromium the tests start. Running as root
 * needs `--no-sandbox`; the rest stop Chromium from reaching for the network
 * on its own. The resolver rule serves `*.example.test` from 127.0.0.1, so
 * tests get real cookie domains and cross-origin requests.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP *.example.test 127.0.0.1',
]

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** @param {string} name */
function searchPath(name) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)
  for (const dir of ['/usr/bin', ...dirs]) {
    const file = path.join(dir, name)
    if (isExecutable(file)) return file
  }
  return undefined
}

/**
 * Returns the path of a Chromium or Chrome executable: `CHROME_BIN` when set,
 * else the first of `chromium`, `chromium-browser`, `google-chrome` found.
 * @returns {string}
 * @throws {Error} when `CHROME_BIN` is not executable or nothing is found.
 */
export function findChromium() {
  const fromEnv = process.env.CHROME_BIN
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv
    throw new Error(
      `CHROME_BIN is set to "${fromEnv}", which is not an executable file. ` +
        'Point it at a Chromium or Chrome binary, or unset it to use ' +
        '/usr/bin/chromium (install with `apt-get install chromium`).',
    )
  }
  for (const name of CANDIDATE_NAMES) {
    const found = searchPath(name)
    if (found) return found
  }
  throw new Error(
    `Chromium not found (looked for ${CANDIDATE_NAMES.join(', ')} on PATH). ` +
      'Install it with `apt-get install chromium`, or set CHROME_BIN to a ' +
      'Chromium or Chrome executable. Test tools must not download a browser.',
  )
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)

if (invokedDirectly) {
  try {
    console.log(findChromium())
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}
