// Measures the script-tag bundles: gzip -9 and brotli bytes of the core, of
// the core with the facade (what any destination brings along), of the core
// with each destination, and of the core with every destination. Reads the
// ES modules in dist/esm, so run `npm run build` first.
//
//   node bench/size.mjs [--json]
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

import commonjs from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { rollup } from 'rollup'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const esm = path.join(root, 'dist', 'esm')
const standalone = path.join(esm, 'src', 'standalone.js')
const define = path.join(esm, 'src', 'integration', 'define.js')

/** Entry source for a script-tag bundle with the given destinations. */
function entry(slugs, withFacadeProbe = false) {
  const lines = [
    `import { installStandalone } from ${JSON.stringify(standalone)}`,
  ]
  slugs.forEach((slug, index) => {
    const file = path.join(esm, 'integrations', slug, 'index.js')
    lines.push(`import d${index} from ${JSON.stringify(file)}`)
  })
  const factories = slugs.map((_, index) => `d${index}`)
  if (withFacadeProbe) {
    // A destination that does nothing but read the facade: the shared cost
    // every real destination brings, measured once.
    lines.push(`import { defineIntegration } from ${JSON.stringify(define)}`)
    lines.push(
      "const probe = defineIntegration({ name: 'Probe', options: {}, load() {}, track(facade) { return facade.event() } })",
    )
    factories.push('probe')
  }
  lines.push(`installStandalone([${factories.join(', ')}])`)
  return lines.join('\n')
}

async function measure(source) {
  const bundle = await rollup({
    input: 'entry',
    onwarn: () => {},
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'entry' ? id : null),
        load: (id) => (id === 'entry' ? source : null),
      },
      nodeResolve({ browser: true }),
      commonjs(),
    ],
  })
  const { output } = await bundle.generate({
    format: 'iife',
    plugins: [
      terser({
        ecma: 2019,
        compress: { passes: 2 },
        format: { comments: false },
      }),
    ],
  })
  await bundle.close()
  const code = Buffer.from(output[0].code)
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  }
}

async function main() {
  if (!existsSync(standalone)) {
    console.error('bench/size: dist/esm is missing; run `npm run build` first.')
    process.exit(1)
  }
  const slugs = readdirSync(path.join(esm, 'integrations'), {
    withFileTypes: true,
  })
    .filter((item) => item.isDirectory())
    .map((item) => item.name)
    .sort()

  const core = await measure(entry([]))
  const withFacade = await measure(entry([], true))
  const rows = [
    { bundle: 'core', ...core },
    { bundle: 'core + facade', ...withFacade },
  ]
  for (const slug of slugs) {
    const sizes = await measure(entry([slug]))
    rows.push({
      bundle: `core + ${slug}`,
      ...sizes,
      addedGzip: sizes.gzip - core.gzip,
      addedGzipBeyondFacade: sizes.gzip - withFacade.gzip,
    })
  }
  rows.push({
    bundle: 'core + all destinations',
    ...(await measure(entry(slugs))),
  })

  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2))
    return
  }
  console.log(
    'bundle                              min B   gzip B  brotli B  +gzip  +gzip beyond facade',
  )
  for (const row of rows) {
    console.log(
      [
        row.bundle.padEnd(34),
        String(row.minified).padStart(7),
        String(row.gzip).padStart(8),
        String(row.brotli).padStart(9),
        String(row.addedGzip ?? '').padStart(6),
        String(row.addedGzipBeyondFacade ?? '').padStart(20),
      ].join(' '),
    )
  }
}

main().catch((error) => {
  console.error(`bench/size: ${error.stack}`)
  process.exit(1)
})
