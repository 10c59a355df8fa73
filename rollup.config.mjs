// Builds, in one run:
//   dist/esm/                  one ES module per source file, .d.ts beside each
//   dist/analytics.min.js      script-tag bundle with every integration
//   dist/analytics.core.min.js script-tag bundle with no integration
//   dist/analytics.custom.min.js  only with --configIntegrations "A,B", the
//                              integrations named (`npm run build --
//                              --integrations "A,B"` passes it on)
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import commonjs from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

const root = path.dirname(fileURLToPath(import.meta.url))
const integrationsDir = path.join(root, 'integrations')
const standaloneFile = path.join(root, 'src', 'standalone.ts')
const settingsToolsFile = path.join(
  root,
  'src',
  'integration',
  'settings-tools.ts',
)
const esmDir = path.join(root, 'dist', 'esm')
const facadeDepsDir = path.join(root, 'src', 'facade-deps')

const packageJson = JSON.parse(
  readFileSync(path.join(root, 'package.json'), 'utf8'),
)
const runtimeDependencies = Object.keys(packageJson.dependencies ?? {})

/** Returns the slugs of `integrations/<slug>/index.ts`, sorted. */
function listIntegrationSlugs() {
  if (!existsSync(integrationsDir)) return []
  return readdirSync(integrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((slug) => existsSync(integrationEntry(slug)))
    .sort()
}

function integrationEntry(slug) {
  return path.join(integrationsDir, slug, 'index.ts')
}

/** Maps a destination name such as "Facebook Pixel" to "facebook-pixel". */
function slugFromName(name) {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * Reads the catalogue name and aliases an integration declares in its
 * index.ts (`name: '...'`, `aliases: [...]`), without running it.
 */
function declaredNames(slug) {
  const source = readFileSync(integrationEntry(slug), 'utf8')
  const names = [slug]
  const name = /\bname:\s*(['"])(.+?)\1/.exec(source)
  if (name) names.push(name[2])
  const aliases = /\baliases:\s*\[([^\]]*)\]/.exec(source)
  if (aliases) {
    for (const match of aliases[1].matchAll(/(['"])(.+?)\1/g)) {
      names.push(match[2])
    }
  }
  return names
}

/** Resolves a comma-separated list of names, aliases or slugs to slugs. */
function resolveRequestedSlugs(list, available) {
  if (typeof list !== 'string' || list.trim() === '') {
    throw new Error(
      '--integrations needs a comma-separated list of integration names, ' +
        'for example --integrations "Facebook Pixel,Google Tag Manager"',
    )
  }
  const bySlugOrName = new Map()
  for (const slug of available) {
    for (const name of declaredNames(slug)) {
      bySlugOrName.set(slugFromName(name), slug)
    }
  }
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = names.filter((name) => !bySlugOrName.has(slugFromName(name)))
  if (unknown.length > 0) {
    const listed = available.length > 0 ? available.join(', ') : '(none)'
    throw new Error(
      `Unknown integration ${unknown.map((name) => `"${name}"`).join(', ')}: ` +
        `no integrations/<slug>/index.ts declares that name. Available slugs: ${listed}`,
    )
  }
  return [...new Set(names.map((name) => bySlugOrName.get(slugFromName(name))))]
}

function isRuntimeDependency(id) {
  return runtimeDependencies.some(
    (name) => id === name || id.startsWith(`${name}/`),
  )
}

/**
 * Names each preserved module by its path from the project root, so the
 * layout under dist/esm/ is src/… and integrations/… whichever entries
 * exist. Rollup would otherwise strip the longest common folder. Bundled
 * packages (tslib) go to vendor/, because npm never publishes a folder
 * named node_modules.
 */
function esmFileName(chunk) {
  const id = chunk.facadeModuleId
  if (!id || id.startsWith('\0') || !path.isAbsolute(id)) {
    return '_virtual/[name].js'
  }
  const posixId = id.split(path.sep).join('/')
  const packagePath = /\/node_modules\/(.+)$/.exec(posixId)?.[1]
  const relative = packagePath
    ? `vendor/${packagePath}`
    : path.relative(root, id).split(path.sep).join('/')
  return `${relative.replace(/\.[cm]?[jt]sx?$/, '')}.js`
}

/** Deletes the output folder first, so removed modules leave no stale file. */
function cleanDirectory(dir) {
  return {
    name: 'clean-directory',
    buildStart() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// Rollup prints the input name; the resolved id starts with \0, which keeps
// other plugins away from the virtual module.
const STANDALONE_ENTRY = 'clickstream:standalone-entry'
const STANDALONE_ENTRY_ID = '\0clickstream-standalone-entry'

/**
 * Serves the virtual entry module of one script-tag bundle. The module
 * imports `installStandalone` and the default export of each integration,
 * then calls `installStandalone([...factories])`.
 */
function standaloneEntry(slugs) {
  return {
    name: 'standalone-entry',
    resolveId(source) {
      return source === STANDALONE_ENTRY ? STANDALONE_ENTRY_ID : null
    },
    load(id) {
      if (id !== STANDALONE_ENTRY_ID) return null
      if (!existsSync(standaloneFile)) {
        this.error(
          'src/standalone.ts not found: the script-tag bundles need it to ' +
            'export installStandalone(integrations).',
        )
      }
      const lines = [
        `import { installStandalone } from ${JSON.stringify(standaloneFile)}`,
        ...slugs.map(
          (slug, index) =>
            `import integration${index} from ${JSON.stringify(integrationEntry(slug))}`,
        ),
        `installStandalone([${slugs.map((_, index) => `integration${index}`).join(', ')}])`,
      ]
      return lines.join('\n')
    },
  }
}

/**
 * Packages that @segment/facade requires, each mapped to the module of
 * src/facade-deps/ that replaces it in the script-tag bundles. Each module
 * reproduces what the facade gets from the package, and its comment names
 * the version it matches. The reasons, per package:
 * - `inherits` ships a fallback for browsers without `Object.create`;
 * - `obj-case` also exports a setter and a deleter the facade never calls;
 * - `new-date` and `@segment/isodate-traverse`, with `@segment/isodate`
 *   that both use, are ES5 CommonJS modules; one ES2019 module of the ISO
 *   8601 rules serves both replacements.
 * Together the modules save about 400 B of gzip in `core + facade` of
 * `node bench/size.mjs`. test/unit/facade-deps/ checks each module against
 * its package, and the facade bundled with these plugins against the
 * facade as npm installs it.
 *
 * Script-tag bundles only: the npm build keeps @segment/facade external,
 * so apps that bundle clickstream-analytics get the packages themselves.
 */
export const FACADE_DEPENDENCY_SHIMS = {
  inherits: 'inherits',
  'new-date': 'new-date',
  '@segment/isodate-traverse': 'iso-date-traverse',
  'obj-case': 'obj-case',
}

const FACADE_INDEX = '@segment/facade'
const FACADE_CLASSES_ID = '\0facade-classes'
/**
 * Serves `import { Track } from '@segment/facade'` from the class's own file.
 * The package index requires every class and builds a default export of
 * them all, and rollup keeps every CommonJS module it is asked to import.
 * So this module leaves out the default export and Delete, which no call
 * type uses: an import of either fails the build instead of the page.
 */
const FACADE_CLASSES_SOURCE = [
  ['Facade', 'facade'],
  ['Alias', 'alias'],
  ['Group', 'group'],
  ['Identify', 'identify'],
  ['Track', 'track'],
  ['Page', 'page'],
  ['Screen', 'screen'],
]
  .map(
    ([name, file]) =>
      `export { ${name} } from '${FACADE_INDEX}/dist/${file}.js'`,
  )
  .join('\n')

/**
 * Returns the plugins of a script-tag bundle after the TypeScript one.
 * `sourceRoot` contains src/, with files ending in `extension`: the project's .ts
 * sources, or their .js in dist/esm for bench/lib/size.mjs.
 */
export function bundlePlugins(sourceRoot, extension) {
  const shimDir = path.join(sourceRoot, 'src', 'facade-deps')
  const shims = new Map(
    Object.entries(FACADE_DEPENDENCY_SHIMS).map(([name, file]) => [
      name,
      path.join(shimDir, `${file}${extension}`),
    ]),
  )
  const shimFiles = new Set(shims.values())
  const facadeDir = `${path.sep}@segment${path.sep}facade${path.sep}`
  return [
    {
      name: 'facade-dependency-shims',
      resolveId(source, importer) {
        if (source === FACADE_INDEX) return FACADE_CLASSES_ID
        if (!importer?.includes(facadeDir)) return null
        return shims.get(source) ?? null
      },
      load(id) {
        return id === FACADE_CLASSES_ID ? FACADE_CLASSES_SOURCE : null
      },
    },
    nodeResolve({ browser: true }),
    commonjs({
      // Hoists requires instead of wrapping each module in a function,
      // except in a require cycle: the facade's files have none.
      strictRequires: 'auto',
      // A shim's default export is what the package's `module.exports`
      // was, so `require` returns it with no interop object.
      requireReturnsDefault: (id) => shimFiles.has(id),
    }),
  ]
}

/**
 * Drops TypeScript diagnostics from the script-tag builds: the ESM build
 * reports the same ones, and `tsc --noEmit` is the type check of record.
 */
function ignoreTypeScriptWarnings(warning, warn) {
  if (warning.plugin === 'typescript') return
  warn(warning)
}

function esmConfig(slugs) {
  return {
    input: [
      path.join(root, 'src', 'index.ts'),
      // The test kit, exported as clickstream-analytics/testing.
      path.join(root, 'src', 'testing', 'index.ts'),
      // Not exported by the package; bench/size.mjs builds bundles from it.
      standaloneFile,
      // Not exported by the package either; bin/clickstream.mjs imports it.
      settingsToolsFile,
      // Not imported by any module: bench/lib/size.mjs bundles the facade
      // with them, as the script-tag builds do.
      ...Object.values(FACADE_DEPENDENCY_SHIMS).map((file) =>
        path.join(facadeDepsDir, `${file}.ts`),
      ),
      ...slugs.map(integrationEntry),
    ],
    external: isRuntimeDependency,
    plugins: [
      cleanDirectory(esmDir),
      typescript({
        tsconfig: path.join(root, 'tsconfig.json'),
        outDir: esmDir,
        // Fixed so declarations land beside the JavaScript under src/ and
        // integrations/ even while integrations/ is empty.
        rootDir: root,
        declaration: true,
        declarationMap: false,
        sourceMap: true,
      }),
    ],
    output: {
      dir: esmDir,
      format: 'es',
      preserveModules: true,
      entryFileNames: esmFileName,
      sourcemap: true,
    },
  }
}

function standaloneConfig(slugs, file) {
  return {
    input: STANDALONE_ENTRY,
    onwarn: ignoreTypeScriptWarnings,
    plugins: [
      standaloneEntry(slugs),
      typescript({
        tsconfig: path.join(root, 'tsconfig.json'),
        declaration: false,
        declarationMap: false,
        sourceMap: true,
      }),
      ...bundlePlugins(root, '.ts'),
    ],
    output: {
      file: path.join(root, 'dist', file),
      // No `name`: the bundle exports nothing, so the IIFE defines no
      // global of its own; only installStandalone writes to window.
      format: 'iife',
      sourcemap: true,
      plugins: [
        terser({
          ecma: 2020,
          compress: { passes: 2 },
          format: { comments: false },
        }),
      ],
    },
  }
}

export default function config(commandLineArgs) {
  const requested = commandLineArgs.configIntegrations
  delete commandLineArgs.configIntegrations

  const slugs = listIntegrationSlugs()
  const configs = [
    esmConfig(slugs),
    standaloneConfig(slugs, 'analytics.min.js'),
    standaloneConfig([], 'analytics.core.min.js'),
  ]
  if (requested !== undefined) {
    const chosen = resolveRequestedSlugs(requested, slugs)
    configs.push(standaloneConfig(chosen, 'analytics.custom.min.js'))
  }
  return configs
}
