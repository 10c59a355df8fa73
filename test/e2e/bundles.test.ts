import { expect } from 'chai'
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { rollup, type Plugin } from 'rollup'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dist = path.join(root, 'dist')

interface ManifestOption {
  name: string
  type: string
  required: boolean
  description: string
  default?: unknown
  pattern?: string
  example?: string
}

interface ManifestEntry {
  name: string
  slug: string
  aliases: string[]
  version: string
  options: ManifestOption[]
  callTypes: string[]
  mappedEvents: Array<{
    event: string
    olderNames?: string[]
    vendorEvent: string
  }>
  icon: string | null
  gzipBytes: number
  jsonSchema: string
}

interface SettingsSchema {
  $schema: string
  title: string
  properties: Record<
    string,
    { description: string; pattern?: string; items?: { pattern?: string } }
  >
  required?: string[]
  additionalProperties: boolean
}

const CALL_TYPES = ['track', 'page', 'screen', 'identify', 'group', 'alias']

/**
 * Returns the catalogue name of the destination that replaces the built
 * destination `slug`, if any. The replaced destination's debug hint quotes
 * that name, so finding the name in its bundle proves nothing.
 */
async function successorsOf(slug: string): Promise<string[]> {
  const entry = path.join(dist, 'esm', 'integrations', slug, 'index.js')
  const factory = (await import(pathToFileURL(entry).href)) as {
    default: { replacedBy?: string }
  }
  const successor = factory.default.replacedBy
  return successor ? [successor] : []
}

function readManifest(): ManifestEntry[] {
  const file = path.join(dist, 'integrations.json')
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run build\` first.`)
  return (
    JSON.parse(readFileSync(file, 'utf8')) as { integrations: ManifestEntry[] }
  ).integrations
}

/**
 * Resolves `clickstream-analytics` and its subpaths through the package's
 * own `exports` map into dist/esm, as a bundler in an app would.
 */
function packageExports(): Plugin {
  const manifest = JSON.parse(
    readFileSync(path.join(root, 'package.json'), 'utf8'),
  ) as {
    exports: Record<string, { import: string } | string>
  }
  return {
    name: 'package-exports',
    resolveId(source) {
      if (
        source !== 'clickstream-analytics' &&
        !source.startsWith('clickstream-analytics/')
      )
        return null
      const subpath = `.${source.slice('clickstream-analytics'.length)}`
      for (const [pattern, target] of Object.entries(manifest.exports)) {
        const file = typeof target === 'string' ? target : target.import
        if (pattern === subpath) return path.join(root, file)
        if (pattern.includes('*')) {
          const [before, after] = pattern.split('*') as [string, string]
          if (subpath.startsWith(before) && subpath.endsWith(after)) {
            const star = subpath.slice(
              before.length,
              subpath.length - after.length,
            )
            return path.join(root, file.replace('*', star))
          }
        }
      }
      return null
    },
  }
}

async function bundleApp(source: string): Promise<string> {
  const { nodeResolve } = await import('@rollup/plugin-node-resolve')
  const { default: commonjs } = await import('@rollup/plugin-commonjs')
  const bundle = await rollup({
    input: 'app',
    onwarn: () => {},
    plugins: [
      {
        name: 'app',
        resolveId: (id) => (id === 'app' ? id : null),
        load: (id) => (id === 'app' ? source : null),
      },
      packageExports(),
      nodeResolve({ browser: true }),
      commonjs(),
    ],
  })
  const { default: terser } = await import('@rollup/plugin-terser')
  // Minified so that names quoted in doc comments do not count as code.
  const { output } = await bundle.generate({
    format: 'es',
    plugins: [terser({ format: { comments: false } })],
  })
  await bundle.close()
  return output[0].code
}

function runBuild(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['scripts/build.mjs', ...args],
      { cwd: root, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stdout}\n${stderr}`))
        else resolve(stdout + stderr)
      },
    )
  })
}

describe('bundles', function () {
  this.timeout(120_000)

  it('the core bundle has no facade', () => {
    const core = readFileSync(path.join(dist, 'analytics.core.min.js'), 'utf8')

    expect(core).to.not.include('obj-case')
    expect(core).to.not.match(/\bproxy\b.*\bfield\b/)
  })

  it('the manifest lists every integration folder', () => {
    const folders = integrationSlugs()

    const manifest = readManifest()

    expect(manifest.map((entry) => entry.slug)).to.deep.equal(folders)
    for (const entry of manifest) {
      expect(entry.gzipBytes, entry.slug).to.be.above(0)
      expect(entry.icon, entry.slug).to.equal(
        `integrations/${entry.slug}/icon.svg`,
      )
      expect(
        existsSync(path.join(root, 'integrations', entry.slug, 'README.md')),
        entry.slug,
      ).to.equal(true)
    }
  })

  it('the manifest describes each destination', () => {
    const manifest = readManifest()
    const ga4 = manifest.find((entry) => entry.slug === 'google-analytics-4')

    expect(ga4?.callTypes).to.have.members([
      'track',
      'page',
      'identify',
      'group',
    ])
    for (const entry of manifest) {
      expect(entry.version, entry.slug).to.match(/^\d+\.\d+\.\d+/)
      expect(entry.callTypes, entry.slug).to.include('track')
      expect(
        entry.callTypes.filter((type) => !CALL_TYPES.includes(type)),
        entry.slug,
      ).to.deep.equal([])
      expect(entry.mappedEvents, entry.slug).to.be.an('array')
      for (const option of entry.options) {
        expect(option.description, `${entry.slug} ${option.name}`).to.be.a(
          'string',
        )
        expect(option.required, `${entry.slug} ${option.name}`).to.be.a(
          'boolean',
        )
      }
    }
  })

  it('the manifest lists fixed e-commerce mappings', () => {
    const manifest = readManifest()
    const events = (slug: string) =>
      manifest.find((entry) => entry.slug === slug)?.mappedEvents

    expect(events('facebook-pixel')).to.deep.include({
      event: 'Order Completed',
      olderNames: ['Completed Order'],
      vendorEvent: 'Purchase',
    })
    expect(events('google-analytics-4')).to.deep.include({
      event: 'Order Completed',
      vendorEvent: 'purchase',
    })
    expect(events('google-tag-manager')).to.deep.equal([])
  })

  it('each JSON Schema matches the manifest options', () => {
    for (const entry of readManifest()) {
      expect(entry.jsonSchema).to.equal(`dist/schemas/${entry.slug}.json`)
      const schema = JSON.parse(
        readFileSync(path.join(root, entry.jsonSchema), 'utf8'),
      ) as SettingsSchema

      expect(schema.$schema, entry.slug).to.equal(
        'https://json-schema.org/draft/2020-12/schema',
      )
      expect(schema.title, entry.slug).to.equal(entry.name)
      expect(schema.additionalProperties, entry.slug).to.equal(true)
      expect(Object.keys(schema.properties), entry.slug).to.deep.equal(
        entry.options.map((option) => option.name),
      )
      expect(schema.required ?? [], entry.slug).to.deep.equal(
        entry.options
          .filter((option) => option.required)
          .map((option) => option.name),
      )
      for (const option of entry.options) {
        const property = schema.properties[option.name]!
        expect(property.description, option.name).to.equal(option.description)
        if (option.pattern === undefined) continue
        const pattern = property.pattern ?? property.items?.pattern
        expect(pattern, option.name).to.be.a('string')
        expect(pattern!.endsWith(option.pattern), option.name).to.equal(true)
      }
    }
  })

  it('no bundle ships a docs.ts mapping table', () => {
    for (const entry of readManifest()) {
      const built = path.join(dist, 'esm', 'integrations', entry.slug)

      expect(existsSync(path.join(built, 'index.js')), entry.slug).to.equal(
        true,
      )
      expect(existsSync(path.join(built, 'docs.js')), entry.slug).to.equal(
        false,
      )
    }
  })

  it('an app importing only the core has no destination', async () => {
    const code = await bundleApp(
      "import { AnalyticsBrowser } from 'clickstream-analytics'\nAnalyticsBrowser.load({ writeKey: 'k' }).track('x')\n",
    )

    expect(code).to.include('clickstream-analytics')
    expect(code).to.not.include('isodate')
    for (const entry of readManifest()) {
      expect(code, entry.name).to.not.include(entry.name)
    }
  })

  for (const slug of integrationSlugs()) {
    it(`an app importing ${slug} has no other destination`, async () => {
      const entry = readManifest().find((item) => item.slug === slug)
      if (!entry)
        throw new Error(`dist/integrations.json has no entry for ${slug}`)
      const code = await bundleApp(
        `import { AnalyticsBrowser } from 'clickstream-analytics'\n` +
          `import destination from 'clickstream-analytics/integrations/${entry.slug}'\n` +
          `AnalyticsBrowser.load({ writeKey: 'k', plugins: [destination({})] })\n`,
      )

      expect(code).to.include(entry.name)
      const successors = await successorsOf(entry.slug)
      for (const other of readManifest()) {
        if (other.slug === entry.slug || successors.includes(other.name))
          continue
        expect(code, other.name)
          .to.not.include(`'${other.name}'`)
          .and.not.include(`"${other.name}"`)
      }
    })
  }

  it('--integrations builds only the named destinations', async function () {
    const manifest = readManifest()
    const chosen = manifest.slice(0, 2)
    if (chosen.length === 0) this.skip()

    await runBuild([
      '--integrations',
      chosen.map((entry) => entry.name).join(','),
    ])
    const custom = readFileSync(
      path.join(dist, 'analytics.custom.min.js'),
      'utf8',
    )

    const successors = (
      await Promise.all(chosen.map((entry) => successorsOf(entry.slug)))
    ).flat()
    for (const entry of manifest) {
      if (!chosen.includes(entry) && successors.includes(entry.name)) continue
      const present =
        custom.includes(`"${entry.name}"`) || custom.includes(`'${entry.name}'`)
      expect(present, entry.name).to.equal(chosen.includes(entry))
    }
  })

  it('--integrations rejects an unknown name', async () => {
    let message = ''
    try {
      await runBuild(['--integrations', 'No Such Tool'])
    } catch (error) {
      message = String(error)
    }

    expect(message).to.match(/Unknown integration "No Such Tool"/)
  })
})

/** Slugs of integrations/<slug>/index.ts, read from the source tree. */
function integrationSlugs(): string[] {
  return readdirSync(path.join(root, 'integrations'), { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(path.join(root, 'integrations', entry.name, 'index.ts')),
    )
    .map((entry) => entry.name)
    .sort()
}
