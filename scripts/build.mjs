// `npm run build [-- --integrations "Facebook Pixel,Google Tag Manager"]`
// Runs rollup with rollup.config.mjs, adds file extensions to the imports of
// the .d.ts files, then writes dist/integrations.json. `--integrations` becomes rollup's
// `--configIntegrations`, which the config reads to write
// dist/analytics.custom.min.js; every other argument goes to rollup as is.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const rollupBin = path.join(
  path.dirname(require.resolve('rollup/package.json')),
  'dist',
  'bin',
  'rollup',
)

const forwarded = []
const args = process.argv.slice(2)
for (let index = 0; index < args.length; index++) {
  const arg = args[index]
  if (arg === '--integrations') {
    const list = args[index + 1]
    if (list === undefined || list.startsWith('--')) {
      console.error(
        'build: --integrations needs a comma-separated list, for example ' +
          '--integrations "Facebook Pixel,Google Tag Manager"',
      )
      process.exit(2)
    }
    forwarded.push('--configIntegrations', list)
    index++
  } else if (arg.startsWith('--integrations=')) {
    forwarded.push('--configIntegrations', arg.slice('--integrations='.length))
  } else {
    forwarded.push(arg)
  }
}

const result = spawnSync(
  process.execPath,
  [rollupBin, '--config', 'rollup.config.mjs', ...forwarded],
  { cwd: root, stdio: 'inherit' },
)
if (result.error) {
  console.error(`build: could not start rollup: ${result.error}`)
  process.exit(1)
}
if (result.status !== 0) process.exit(result.status ?? 1)

for (const step of ['fix-declaration-imports.mjs', 'write-manifest.mjs']) {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', step)], {
    cwd: root,
    stdio: 'inherit',
  })
  if (run.status !== 0) process.exit(run.status ?? 1)
}
