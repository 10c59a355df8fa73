import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { expect } from 'chai'
import * as prettier from 'prettier'

import { moveFoldersIntoPlace } from '../../scripts/new-integration/stage.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SCAFFOLD = path.join(root, 'scripts', 'new-integration.mjs')
const require = createRequire(import.meta.url)

/** What a scaffolded destination needs from the repository, copied as is. */
const COPIED = [
  'src',
  'scripts',
  'integrations',
  'test/unit/setup.ts',
  'package.json',
  'tsconfig.json',
  'tsconfig.test.json',
  '.prettierrc.json',
]

/** The slug of the name the test scaffolds, "Acme Metrics". */
const SLUG = 'acme-metrics'

const FILES = [
  'integrations/acme-metrics/index.ts',
  'integrations/acme-metrics/docs.ts',
  'integrations/acme-metrics/README.md',
  'integrations/acme-metrics/icon.svg',
  'test/unit/integrations/acme-metrics/destination.test.ts',
]

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Makes a repository in a temporary folder with the files the scaffold and
 * the generated code need, and node_modules linked to this one's. A
 * destination that this repository already has under the test's slug is
 * left out, so the test can write it.
 */
function makeRepositoryCopy(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'clickstream-scaffold-'))
  for (const entry of COPIED) {
    mkdirSync(path.dirname(path.join(copy, entry)), { recursive: true })
    cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true })
  }
  rmSync(path.join(copy, 'integrations', SLUG), {
    recursive: true,
    force: true,
  })
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'))
  return copy
}

/** Runs a Node.js script with `cwd` as the working folder. */
function runNode(cwd: string, args: string[], timeout = 60_000): Run {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    timeout,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Runs this repository's scaffold on the copy, as `npm run new-integration`. */
function scaffold(copy: string, ...args: string[]): Run {
  return runNode(copy, [SCAFFOLD, '--root', copy, ...args])
}

/** Lists every file and folder under `dir` except node_modules, sorted. */
function listTree(dir: string, prefix = ''): string[] {
  const paths: string[] = []
  for (const entry of readdirSync(path.join(dir, prefix), {
    withFileTypes: true,
  })) {
    const relative = path.posix.join(prefix, entry.name)
    if (relative === 'node_modules') continue
    paths.push(relative)
    if (entry.isDirectory()) paths.push(...listTree(dir, relative))
  }
  return paths.sort()
}

describe('npm run new-integration', function () {
  // Type-checking and testing the generated code take several seconds each
  // on a busy machine.
  this.timeout(120_000)

  let copy: string

  before(() => {
    copy = makeRepositoryCopy()
  })

  after(() => {
    if (copy) rmSync(copy, { recursive: true, force: true })
  })

  describe('with a new name', () => {
    let run: Run

    before(() => {
      run = scaffold(copy, 'Acme Metrics')
    })

    it('exits 0 and writes the files', () => {
      expect(run.stderr).to.equal('')
      expect(run.status).to.equal(0)
      for (const file of FILES)
        expect(existsSync(path.join(copy, file)), file).to.equal(true)
      expect(existsSync(path.join(copy, '.tmp')), '.tmp').to.equal(false)
    })

    it('prints the files and the next steps', () => {
      for (const file of FILES) expect(run.stdout).to.include(`  ${file}\n`)
      expect(run.stdout).to.include('https://cdn.acme-metrics.example/sdk.js')
      expect(run.stdout).to.include('npm run docs')
      expect(run.stdout).to.include('npm run build')
      expect(run.stdout).to.include('npm test')
    })

    it('declares the destination by its name', () => {
      const index = readFileSync(
        path.join(copy, 'integrations/acme-metrics/index.ts'),
        'utf8',
      )

      expect(index).to.include(
        'export default /*#__PURE__*/ defineIntegration(',
      )
      expect(index).to.include("name: 'Acme Metrics',")
      expect(index).to.include("const VENDOR_GLOBAL = 'acmeMetrics'")
    })

    it('describes optional options in docs.ts', () => {
      const folder = path.join(copy, 'integrations/acme-metrics')
      const index = readFileSync(path.join(folder, 'index.ts'), 'utf8')
      const docs = readFileSync(path.join(folder, 'docs.ts'), 'utf8')

      expect(index).to.include("description: 'Acme Metrics API key")
      expect(index).not.to.include('Send page calls.')
      expect(docs).to.include(
        "optionDescriptions: { trackPages: 'Send page calls.' }",
      )
    })

    it('formats each file with Prettier', async () => {
      for (const file of FILES.filter((name) => !name.endsWith('.svg'))) {
        const absolute = path.join(copy, file)
        const options = await prettier.resolveConfig(absolute)

        const formatted = await prettier.check(readFileSync(absolute, 'utf8'), {
          ...options,
          filepath: absolute,
        })

        expect(formatted, file).to.equal(true)
      }
    })

    it('writes a valid SVG icon', async () => {
      const { Window } = await import('happy-dom')
      const page = new Window()
      const svg = readFileSync(
        path.join(copy, 'integrations/acme-metrics/icon.svg'),
        'utf8',
      )

      const parsed = new page.DOMParser().parseFromString(svg, 'image/svg+xml')

      expect(parsed.querySelector('parsererror')).to.equal(null)
      expect(parsed.documentElement.getAttribute('aria-label')).to.equal(
        'Acme Metrics',
      )
      expect(parsed.querySelector('text')?.textContent).to.equal('AM')
      await page.happyDOM.close()
    })

    it('generates code that type-checks', () => {
      writeFileSync(
        path.join(copy, 'tsconfig.scaffold.json'),
        JSON.stringify({
          extends: './tsconfig.test.json',
          include: [
            'integrations/acme-metrics',
            'test/unit/integrations/acme-metrics',
          ],
        }),
      )

      const tsc = runNode(copy, [
        require.resolve('typescript/bin/tsc'),
        '--noEmit',
        '-p',
        'tsconfig.scaffold.json',
      ])

      expect(tsc.stdout + tsc.stderr).to.equal('')
      expect(tsc.status).to.equal(0)
    })

    it('generates a test that passes', () => {
      const report = path.join(copy, 'mocha-report.json')

      const mocha = runNode(copy, [
        require.resolve('mocha/bin/mocha.js'),
        '--no-config',
        '--node-option',
        'import=tsx',
        '--require',
        'test/unit/setup.ts',
        '--extension',
        'ts',
        '--timeout',
        '5000',
        '--reporter',
        'json',
        '--reporter-option',
        `output=${report}`,
        'test/unit/integrations/acme-metrics/destination.test.ts',
      ])
      const { stats, tests } = JSON.parse(readFileSync(report, 'utf8')) as {
        stats: { passes: number; failures: number; pending: number }
        tests: Array<{ title: string }>
      }

      expect(mocha.status, mocha.stderr).to.equal(0)
      expect(stats.failures).to.equal(0)
      expect(stats.pending).to.equal(0)
      expect(stats.passes).to.equal(tests.length)
      const titles = tests.map((test) => test.title).join('\n')
      for (const method of ['track', 'page', 'screen', 'identify', 'group'])
        expect(titles).to.match(new RegExp(`sends an? ${method} call`))
      expect(titles).to.include('sends an alias call')
      expect(titles).to.include('fails without the required apiKey')
    })

    it('passes docs --check', () => {
      const docs = runNode(copy, ['scripts/docs.mjs', '--check'])

      expect(docs.stderr).to.equal('')
      expect(docs.status).to.equal(0)
      expect(docs.stdout).to.match(/READMEs up to date/)
    })

    it('rejects the same name again', () => {
      const before = listTree(copy)

      const again = scaffold(copy, 'acme metrics')

      expect(again.status).to.equal(2)
      expect(again.stderr).to.include(
        'the name "acme metrics" is taken: integrations/acme-metrics exists.',
      )
      expect(listTree(copy)).to.deep.equal(before)
    })
  })

  describe('with an invalid name', () => {
    const CASES: Array<{ title: string; args: string[]; error: string }> = [
      {
        title: 'a missing name',
        args: [],
        error: 'missing destination name',
      },
      {
        title: 'an empty name',
        args: ['  '],
        error: 'missing destination name',
      },
      {
        title: 'a name with no letter or digit',
        args: ['!?'],
        error: 'invalid destination name "!?": it has no letter or digit.',
      },
      {
        title: 'a name with no ASCII letter or digit',
        args: ['日本'],
        error: 'it has no ASCII letter or digit to make its slug',
      },
      {
        title: 'a slug that starts with a digit',
        args: ['7 Eleven'],
        error: 'its slug "7-eleven" starts with a digit',
      },
      {
        title: 'a character outside the allowed set',
        args: ['Acme <b>'],
        error: 'invalid destination name "Acme <b>": it contains "<", ">".',
      },
      {
        title: 'a taken slug',
        args: ['Retention-Science'],
        error:
          'the name "Retention-Science" is taken: integrations/retention-science exists.',
      },
      {
        title: 'a taken display name',
        args: ['google adwords new'],
        error:
          'the name "google adwords new" is taken: integrations/google-ads/index.ts declares "Google AdWords New".',
      },
      {
        title: 'a taken alias',
        args: ['Google Ads (Classic)'],
        error:
          'integrations/adwords/index.ts declares the alias "Google Ads (Classic)"',
      },
      {
        title: "the endpoint's name",
        args: ['Segment.io'],
        error: '"Segment.io" names the first-party endpoint',
      },
      {
        title: 'two names',
        args: ['Acme', 'Metrics'],
        error: 'expected one destination name, received 2',
      },
    ]

    for (const { title, args, error } of CASES) {
      it(`rejects ${title}`, () => {
        const before = listTree(copy)

        const run = scaffold(copy, ...args)

        expect(run.status).to.equal(2)
        expect(run.stderr).to.include(error)
        expect(run.stdout).to.equal('')
        expect(listTree(copy)).to.deep.equal(before)
      })
    }
  })

  it('--dry-run lists the files and writes nothing', () => {
    const before = listTree(copy)

    const run = scaffold(copy, '--dry-run', 'Beta Pixel')

    expect(run.status).to.equal(0)
    expect(run.stdout).to.include('  integrations/beta-pixel/index.ts\n')
    expect(run.stdout).to.include(
      '  test/unit/integrations/beta-pixel/destination.test.ts\n',
    )
    expect(run.stdout).to.include('Nothing was written (--dry-run).')
    expect(listTree(copy)).to.deep.equal(before)
  })

  it('--help prints the usage', () => {
    const run = scaffold(copy, '--help')

    expect(run.status).to.equal(0)
    expect(run.stdout).to.match(/^Usage: npm run new-integration -- /)
    expect(run.stdout).to.include('--dry-run')
  })
})

describe('moveFoldersIntoPlace', () => {
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'clickstream-move-'))
  })

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('moves every folder back when a rename fails', () => {
    for (const name of ['one', 'two']) {
      mkdirSync(path.join(dir, 'staging', name), { recursive: true })
      copyFileSync(SCAFFOLD, path.join(dir, 'staging', name, 'file'))
    }
    const moves = ['one', 'two'].map((name) => ({
      from: path.join(dir, 'staging', name),
      to: path.join(dir, 'target', name),
    }))
    let renames = 0
    const failSecondRename = (from: string, to: string) => {
      if (++renames === 2) throw new Error('disk full')
      renameSync(from, to)
    }

    expect(() => moveFoldersIntoPlace(moves, failSecondRename)).to.throw(
      'disk full',
    )

    expect(listTree(dir)).to.deep.equal([
      'staging',
      'staging/one',
      'staging/one/file',
      'staging/two',
      'staging/two/file',
    ])
  })
})
