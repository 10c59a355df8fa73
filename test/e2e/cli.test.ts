import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { expect } from 'chai'

import { assertBundleBuilt } from './helpers/bundle'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = path.join(root, 'bin', 'clickstream.mjs')
const FIXTURES = 'test/fixtures/settings'

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the `clickstream` bin from the project root, as `npx` would. */
function clickstream(...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function fixture(name: string): string {
  return `${FIXTURES}/${name}`
}

interface JsonReport {
  file: string
  problems: Array<Record<string, unknown>>
  notes: Array<Record<string, unknown>>
}

function jsonReport(run: Run): JsonReport {
  return JSON.parse(run.stdout) as JsonReport
}

describe('clickstream bin', function () {
  before(function () {
    assertBundleBuilt()
  })

  describe('validate-settings', function () {
    it('exits 0 and says so for valid settings', function () {
      const run = clickstream('validate-settings', fixture('valid.json'))

      expect(run.stdout).to.equal(
        `${fixture('valid.json')}: no problems, 0 notes\n`,
      )
      expect(run.stderr).to.equal('')
      expect(run.status).to.equal(0)
    })

    it('locates invalid JSON by line and column', function () {
      // The fixture ends in .txt so that prettier leaves the broken JSON be.
      const file = fixture('invalid-json.txt')

      const run = clickstream('validate-settings', file)
      const json = jsonReport(clickstream('validate-settings', file, '--json'))

      expect(run.stdout).to.equal(
        `${file}: 1 problem, 0 notes\n\nProblems:\n${file}:4:3: invalid JSON: trailing comma before "}": JSON allows none.\n`,
      )
      expect(run.status).to.equal(1)
      expect(json.problems).to.deep.equal([
        {
          kind: 'invalid-json',
          path: '(top level)',
          line: 4,
          column: 3,
          message: `${file}:4:3: invalid JSON: trailing comma before "}": JSON allows none.`,
        },
      ])
    })

    it('reports integrations that is not an object', function () {
      const run = clickstream(
        'validate-settings',
        fixture('integrations-not-object.json'),
        '--json',
      )

      expect(jsonReport(run).problems).to.deep.equal([
        {
          kind: 'not-an-object',
          path: 'integrations',
          expected: 'object',
          found: ['Google Tag Manager'],
          message:
            'The "integrations" key must hold an object of destination name to options, as Segment\'s settings do.',
        },
      ])
      expect(run.status).to.equal(1)
    })

    it('reports a wrong option type', function () {
      const run = clickstream('validate-settings', fixture('wrong-type.json'))

      const lines = run.stdout.split('\n')
      expect(lines.slice(0, 5)).to.deep.equal([
        `${fixture('wrong-type.json')}: 1 problem, 0 notes`,
        '',
        'Problems:',
        '  integrations["Google Analytics 4"].measurementIds',
        '    expected array, found "G-ABC123"',
      ])
      expect(lines[5]).to.contain(
        'Google Analytics 4: option "measurementIds" must be',
      )
      expect(run.status).to.equal(1)
    })

    it('reports a missing required option', function () {
      const run = clickstream(
        'validate-settings',
        fixture('missing-required.json'),
        '--json',
      )

      const [problem] = jsonReport(run).problems
      expect(problem).to.include({
        kind: 'missing',
        path: 'integrations["Google AdWords New"].accountId',
        expected: 'string (required)',
      })
      expect(problem).to.not.have.property('found')
      expect(problem?.message).to.contain(
        'Google AdWords New: option "accountId" is missing',
      )
      expect(run.status).to.equal(1)
    })

    it('reports a pattern mismatch', function () {
      const run = clickstream(
        'validate-settings',
        fixture('pattern-mismatch.json'),
        '--json',
      )

      const [problem] = jsonReport(run).problems
      expect(problem).to.include({
        kind: 'pattern-mismatch',
        path: 'integrations["Google Tag Manager"].containerId',
        found: 'GTM-1"><script>',
      })
      expect(problem?.expected).to.match(/^string matching \^/)
      expect(run.status).to.equal(1)
    })

    it('notes an unknown destination and still exits 0', function () {
      const file = fixture('unknown-destination.json')

      const run = clickstream('validate-settings', file)

      expect(run.stdout).to.equal(
        `${file}: no problems, 1 note\n\nNotes:\n  integrations["Amplitude"]: "Amplitude" is not a destination this package bundles, so load leaves it to the server side.\n`,
      )
      expect(run.status).to.equal(0)
    })

    it('notes the migrations load applies', function () {
      const run = clickstream(
        'validate-settings',
        fixture('migrations.json'),
        '--json',
      )

      const notes = jsonReport(run).notes.map(({ kind, path }) => [kind, path])
      expect(notes).to.deep.equal([
        ['migration', 'integrations["Google Tag Manager"].domain'],
        ['migration', 'integrations["AdWords"].remarketing'],
        ['migration', 'integrations["AdWords"].events'],
        ['migration', 'integrations["AdWords"].whitelist'],
        ['replaced', 'integrations["AdWords"]'],
      ])
      expect(run.status).to.equal(0)
    })
  })

  describe('migrate-settings', function () {
    it('splits settings and changes by stream', function () {
      const file = fixture('migrations.json')

      const run = clickstream('migrate-settings', file)

      expect(JSON.parse(run.stdout)).to.deep.equal({
        integrations: {
          'Google Tag Manager': {
            containerId: 'GTM-M8M29T',
            fullURLpath: 'gtm.example.com/gtm.js',
          },
          AdWords: {
            conversionId: '978352801',
            pageRemarketing: true,
            eventMappings: [
              {
                key: 'Signed Up',
                value: {
                  eventName: 'Signed Up',
                  label: '-kGkCJ_TsgcQofXB0gM',
                  conversionId: '',
                  remarketing: false,
                },
              },
            ],
          },
        },
      })
      const stderr = run.stderr.split('\n')
      expect(stderr[0]).to.equal(`${file}: 5 changes`)
      expect(stderr).to.include(
        '  - Google Tag Manager: renamed option "domain" to "fullURLpath" (version 2.5.2), and "gtm.example.com" became "gtm.example.com/gtm.js".',
      )
      expect(stderr).to.include(
        '  - AdWords: removed option "whitelist" (["Viewed Product"]), dropped in version 2.5.0. For a remarketing tag without a conversion, add an eventMappings entry for the event with an empty label and `remarketing: true`.',
      )
      expect(stderr).to.include(
        '  - AdWords is outdated and "Google AdWords New" replaces it. Add --to "Google AdWords New" to move its settings. Without --to, both destinations keep working as configured.',
      )
      expect(run.status).to.equal(0)
    })

    it('moves AdWords to Google AdWords New with --to', function () {
      const run = clickstream(
        'migrate-settings',
        fixture('migrations.json'),
        '--to',
        'Google AdWords New',
      )

      const settings = JSON.parse(run.stdout)
      expect(settings.integrations).to.not.have.property('AdWords')
      expect(settings.integrations['Google AdWords New']).to.deep.equal({
        accountId: 'AW-978352801',
        sendPageView: true,
        clickConversions: [
          {
            value: {
              event: 'Signed Up',
              id: '-kGkCJ_TsgcQofXB0gM',
              accountId: '',
            },
          },
        ],
      })
      expect(run.stderr).to.contain(
        '  - AdWords → Google AdWords New: conversionId "978352801" became accountId "AW-978352801".\n',
      )
      expect(run.stderr).to.contain(
        '  - AdWords → Google AdWords New: removed integrations["AdWords"], whose settings are now in integrations["Google AdWords New"].\n',
      )
      expect(run.stderr).to.not.contain('add --to')
      expect(run.status).to.equal(0)
    })

    it('says so when there is nothing to migrate', function () {
      const file = fixture('valid.json')

      const run = clickstream('migrate-settings', file)

      expect(run.stderr).to.equal(
        `${file}: nothing to migrate; the settings are printed unchanged.\n`,
      )
      expect(JSON.parse(run.stdout)).to.have.property('plan')
      expect(run.status).to.equal(0)
    })

    it('exits 1 and names what is left to fix by hand', function () {
      const run = clickstream(
        'migrate-settings',
        fixture('missing-required.json'),
      )

      expect(run.stderr).to.contain(
        'The migrated settings still have 1 problem to fix by hand:\n  integrations["Google AdWords New"].accountId\n',
      )
      expect(run.status).to.equal(1)
    })

    it('prints nothing on stdout for invalid JSON', function () {
      const file = fixture('invalid-json.txt')

      const run = clickstream('migrate-settings', file)

      expect(run.stdout).to.equal('')
      expect(run.stderr).to.equal(
        `${file}:4:3: invalid JSON: trailing comma before "}": JSON allows none.\n`,
      )
      expect(run.status).to.equal(1)
    })

    it('rejects an unsupported --to target', function () {
      const run = clickstream(
        'migrate-settings',
        fixture('migrations.json'),
        '--to',
        'Mixpanel',
      )

      expect(run.stdout).to.equal('')
      expect(run.stderr).to.equal(
        'clickstream: No move to "Mixpanel" is supported. Supported moves: --to "Google AdWords New" (from "AdWords").\n',
      )
      expect(run.status).to.equal(2)
    })

    it('fails a move without AdWords', function () {
      const run = clickstream(
        'migrate-settings',
        fixture('valid.json'),
        '--to',
        'Google AdWords New',
      )

      expect(run.stderr).to.equal(
        'The settings have no "AdWords" or "Google Ads (Classic)" entry in "integrations", so nothing moves to "Google AdWords New".\n',
      )
      expect(run.status).to.equal(1)
    })
  })

  describe('usage', function () {
    it('prints the usage with --help and exits 0', function () {
      const run = clickstream('--help')

      expect(run.stdout).to.match(/^Usage: clickstream <command> \[options\]/)
      expect(run.stdout).to.contain('validate-settings FILE [--json]')
      expect(run.stdout).to.contain(
        'supported: "Google AdWords New" (from "AdWords")',
      )
      expect(run.status).to.equal(0)
    })

    it('exits 2 without a command', function () {
      const run = clickstream()

      expect(run.stdout).to.equal('')
      expect(run.stderr).to.match(/^Usage: clickstream/)
      expect(run.status).to.equal(2)
    })

    it('names an unknown command and prints the usage', function () {
      const run = clickstream('check-settings', 'settings.json')

      expect(run.stderr).to.match(
        /^clickstream: Unknown command "check-settings"\. Use validate-settings or migrate-settings\.\n\nUsage: clickstream/,
      )
      expect(run.status).to.equal(2)
    })

    it('rejects bad arguments', function () {
      const none = clickstream('validate-settings')
      const two = clickstream('migrate-settings', 'a.json', 'b.json')
      const option = clickstream(
        'validate-settings',
        fixture('valid.json'),
        '--to',
        'x',
      )

      expect(none.stderr).to.equal(
        'clickstream: validate-settings takes one settings file, received none: for example `clickstream validate-settings settings.json`.\n',
      )
      expect(two.stderr).to.contain('received "a.json", "b.json"')
      expect(option.stderr).to.match(
        /^clickstream: validate-settings: Unknown option '--to'\./,
      )
      expect([none.status, two.status, option.status]).to.deep.equal([2, 2, 2])
    })

    it('names a settings file it cannot read', function () {
      const run = clickstream('validate-settings', 'no-such-settings.json')

      expect(run.stderr).to.equal(
        'clickstream: Cannot read the settings file "no-such-settings.json" (ENOENT): check the path.\n',
      )
      expect(run.status).to.equal(2)
    })

    it('says to build when dist is missing', function () {
      // Node reports the real path of the script it runs.
      const copy = realpathSync(
        mkdtempSync(path.join(tmpdir(), 'clickstream-bin-')),
      )
      try {
        cpSync(path.join(root, 'bin'), path.join(copy, 'bin'), {
          recursive: true,
        })

        const result = spawnSync(
          process.execPath,
          [path.join(copy, 'bin', 'clickstream.mjs'), 'validate-settings', 'x'],
          { encoding: 'utf8', timeout: 20_000 },
        )

        expect(result.stderr).to.equal(
          `clickstream: The build of clickstream-analytics is missing (no dist/esm/src/integration/settings-tools.js in ${copy}): run \`npm run build\` there first.\n`,
        )
        expect(result.status).to.equal(2)
      } finally {
        rmSync(copy, { recursive: true, force: true })
      }
    })
  })
})
