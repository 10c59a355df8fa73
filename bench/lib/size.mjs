// Sizes of what users ship: the two script-tag bundles as built, the bytes
// each destination adds to the core, and an SPA bundle built from the npm
// entry. Bundles are built here with rollup and terser, with the options
// of rollup.config.mjs, from the ES modules in dist/esm (`npm run build`
// first). Every size is of minified code: gzip level 9 and brotli quality 11.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

import commonjs from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { rollup } from 'rollup'

import { bundlePlugins } from '../../rollup.config.mjs'

/** Destination of the SPA bundle: an app that imports one destination. */
export const SPA_DESTINATION = 'google-tag-manager'

/** Returns the minified, gzip and brotli bytes of `code`. */
export function compressedSizes(code) {
  const buffer = Buffer.from(code)
  return {
    minified: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  }
}

/** Returns the sizes of a built file, such as dist/analytics.core.min.js. */
export function fileSizes(file) {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` first.`)
  }
  return compressedSizes(readFileSync(file))
}

/**
 * Measures what the size budgets and the bench report: the built
 * bundles, the core rebuilt from dist/esm with and without each
 * destination (`destinations`, default all), and unless `spa` is false the
 * SPA bundle. Slow: one terser run per bundle, 20 to 60 s in all on 2
 * cores. `onBundle` is called with each bundle's label as it starts.
 */
export async function measureSizes(
  root,
  { onBundle = () => {}, destinations: wanted, spa = true } = {},
) {
  const esm = path.join(root, 'dist', 'esm')
  const standalone = path.join(esm, 'src', 'standalone.js')
  if (!existsSync(standalone)) {
    throw new Error(`${standalone} is missing: run \`npm run build\` first.`)
  }
  const slugs = wanted ?? listDestinations(esm)
  const entries = [
    { label: 'core', source: standaloneEntry(esm, []) },
    { label: 'core + facade', source: standaloneEntry(esm, [], true) },
    ...slugs.map((slug) => ({
      label: `core + ${slug}`,
      source: standaloneEntry(esm, [slug]),
    })),
  ]
  if (spa) entries.push({ label: 'spa', source: spaEntry(esm) })
  const sizes = await buildAll(entries, onBundle, esm)

  const core = sizes.get('core')
  const withFacade = sizes.get('core + facade')
  return {
    files: {
      core: fileSizes(path.join(root, 'dist', 'analytics.core.min.js')),
      full: fileSizes(path.join(root, 'dist', 'analytics.min.js')),
    },
    core,
    withFacade,
    destinations: slugs.map((slug) => {
      const bundle = sizes.get(`core + ${slug}`)
      return {
        slug,
        ...bundle,
        addedGzip: bundle.gzip - core.gzip,
        addedGzipBeyondFacade: bundle.gzip - withFacade.gzip,
      }
    }),
    spa: spa ? { destination: SPA_DESTINATION, ...sizes.get('spa') } : null,
  }
}

/**
 * Builds the entries, two at a time: terser runs in a worker thread, so a
 * second build keeps the other core busy. Returns label to sizes.
 */
async function buildAll(entries, onBundle, esm) {
  // Script-tag bundles with the plugins of rollup.config.mjs; the SPA with
  // plain ones, because an app's own bundler has none of ours. One bundler
  // each, because rollup's cache keeps each module's resolved imports.
  const scriptTag = createBundler(() => bundlePlugins(esm, '.js'))
  const app = createBundler(() => [nodeResolve({ browser: true }), commonjs()])
  const sizes = new Map()
  let next = 0
  async function worker() {
    while (next < entries.length) {
      const { label, source } = entries[next++]
      onBundle(label)
      const bundler = label === 'spa' ? app : scriptTag
      sizes.set(label, await bundler.measure(source))
    }
  }
  const workers = Math.min(2, availableParallelism())
  await Promise.all(Array.from({ length: workers }, worker))
  return sizes
}

function listDestinations(esm) {
  return readdirSync(path.join(esm, 'integrations'), { withFileTypes: true })
    .filter((item) => item.isDirectory())
    .map((item) => item.name)
    .sort()
}

/**
 * Entry of a script-tag bundle with the given destinations, as
 * rollup.config.mjs writes it. `withFacadeProbe` adds a destination that
 * only reads the facade: the share every real destination brings along.
 */
function standaloneEntry(esm, slugs, withFacadeProbe = false) {
  const standalone = path.join(esm, 'src', 'standalone.js')
  const lines = [
    `import { installStandalone } from ${JSON.stringify(standalone)}`,
  ]
  slugs.forEach((slug, index) => {
    const file = path.join(esm, 'integrations', slug, 'index.js')
    lines.push(`import d${index} from ${JSON.stringify(file)}`)
  })
  const factories = slugs.map((_, index) => `d${index}`)
  if (withFacadeProbe) {
    const define = path.join(esm, 'src', 'integration', 'define.js')
    lines.push(`import { defineIntegration } from ${JSON.stringify(define)}`)
    lines.push(
      "const probe = defineIntegration({ name: 'Probe', options: {}, load() {}, track(facade) { return facade.event() } })",
    )
    factories.push('probe')
  }
  lines.push(`installStandalone([${factories.join(', ')}])`)
  return lines.join('\n')
}

/**
 * Entry of an SPA: the npm entry (what `clickstream-analytics` resolves to
 * through the package's exports) and one destination, loaded and called.
 */
function spaEntry(esm) {
  const main = path.join(esm, 'src', 'index.js')
  const destination = path.join(
    esm,
    'integrations',
    SPA_DESTINATION,
    'index.js',
  )
  return [
    `import { AnalyticsBrowser } from ${JSON.stringify(main)}`,
    `import destination from ${JSON.stringify(destination)}`,
    "const analytics = AnalyticsBrowser.load({ writeKey: 'KEY', plugins: [destination({ containerId: 'GTM-XXXX' })] })",
    "analytics.track('App Started')",
  ].join('\n')
}

/**
 * Rollup leaves an import it cannot resolve out of the bundle, with a
 * warning: a missing dist/esm file would shrink the bundle instead of
 * failing. Other warnings do not change the size.
 */
function failOnUnresolvedImport(warning) {
  if (warning.code === 'UNRESOLVED_IMPORT') {
    throw new Error(
      `${warning.message}. Run \`npm run build\`, and do not rebuild during the measurement.`,
    )
  }
}

/**
 * Builds entries with the plugins `makePlugins` returns, sharing rollup's
 * module cache between builds.
 */
function createBundler(makePlugins) {
  let cache
  let builds = 0
  async function measure(source) {
    // A new entry id per build, or the cache would return the last entry.
    const entry = `bench-entry-${++builds}`
    const bundle = await rollup({
      input: entry,
      cache,
      onwarn: failOnUnresolvedImport,
      plugins: [
        {
          name: 'entry',
          resolveId: (id) => (id === entry ? id : null),
          load: (id) => (id === entry ? source : null),
        },
        ...makePlugins(),
      ],
    })
    cache = bundle.cache
    const { output } = await bundle.generate({
      format: 'iife',
      plugins: [
        terser({
          ecma: 2020,
          compress: { passes: 2 },
          format: { comments: false },
        }),
      ],
    })
    await bundle.close()
    return compressedSizes(output[0].code)
  }
  return { measure }
}
