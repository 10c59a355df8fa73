import { expect } from 'chai'
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { rollup, type Plugin } from 'rollup'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dist = path.join(root, 'dist')

interface ManifestEntry {
  name: string
  slug: string
  aliases: string[]
  options: Array<{ name: string; type: string }>
  icon: string | null
  gzipBytes: number
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
      for (const other of readManifest()) {
        if (other.slug === entry.slug) continue
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

    for (const entry of manifest) {
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
