// Installs dependencies when node_modules is missing or older than the
// lockfile, so `npm test` and `npm run build` work in a fresh clone and after
// a pull that changed dependencies. Node builtins only: it runs before any
// dependency exists.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const lockfile = path.join(root, 'package-lock.json')
const modulesDir = path.join(root, 'node_modules')
// npm rewrites this hidden lockfile on every install, so its mtime is the
// time of the last install. The folder's own mtime moves for other reasons.
const installMarker = path.join(modulesDir, '.package-lock.json')

function mtimeMs(file) {
  return existsSync(file) ? statSync(file).mtimeMs : undefined
}

function installReason() {
  if (!existsSync(modulesDir)) return 'node_modules is missing'
  const installedAt = mtimeMs(installMarker) ?? mtimeMs(modulesDir)
  const lockedAt = mtimeMs(lockfile)
  if (lockedAt !== undefined && installedAt < lockedAt) {
    return 'package-lock.json is newer than node_modules'
  }
  return undefined
}

const reason = installReason()
if (reason) {
  const command = existsSync(lockfile) ? 'ci' : 'install'
  console.log(`ensure-installed: ${reason}; running npm ${command}`)
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.error) {
    console.error(`ensure-installed: could not start npm: ${result.error}`)
    process.exit(1)
  }
  if (result.status !== 0) {
    console.error(`ensure-installed: npm ${command} failed`)
    process.exit(result.status ?? 1)
  }
}
