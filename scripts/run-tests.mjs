// Runs every check and test suite in order, each as a child process whose
// output streams through, then prints a per-suite summary and a closing
// `N passed, N failed` line. Exits 1 when any suite fails, exits non-zero or
// runs no tests.
//
//   node scripts/run-tests.mjs                      all suites
//   node scripts/run-tests.mjs --only unit,browser  a subset
//
// Test suites report their counts through reporters of our own
// (scripts/mocha-summary-reporter.cjs, test/karma/summary-reporter.cjs),
// whose last line is `N passed, N failed`. Lint, typecheck and build count
// as one passed or one failed check each.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { findChromium } from './find-chromium.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const binDir = path.join(root, 'node_modules', '.bin')

const MINUTE_MS = 60_000

/**
 * Suites in the order they run. `kind: 'check'` passes when every command
 * exits 0; `kind: 'tests'` reads the reporter's counts. `timeoutMs` only
 * stops a hung run: normal runs take seconds.
 */
const SUITES = [
  {
    name: 'lint',
    kind: 'check',
    timeoutMs: 5 * MINUTE_MS,
    commands: [
      ['eslint', '.'],
      ['prettier', '--check', '.'],
    ],
  },
  {
    name: 'typecheck',
    kind: 'check',
    timeoutMs: 5 * MINUTE_MS,
    commands: [
      ['tsc', '--noEmit', '-p', 'tsconfig.json'],
      ['tsc', '--noEmit', '-p', 'tsconfig.test.json'],
    ],
  },
  {
    name: 'build',
    kind: 'check',
    timeoutMs: 5 * MINUTE_MS,
    // scripts/build.mjs runs rollup, then writes dist/integrations.json.
    commands: [['node', 'scripts/build.mjs']],
  },
  {
    name: 'unit',
    kind: 'tests',
    timeoutMs: 10 * MINUTE_MS,
    commands: [
      ['mocha', '--config', 'test/unit/.mocharc.json', '--forbid-only'],
    ],
  },
  {
    name: 'browser',
    kind: 'tests',
    needsChromium: true,
    timeoutMs: 10 * MINUTE_MS,
    commands: [['karma', 'start', 'karma.conf.cjs']],
  },
  {
    name: 'e2e',
    kind: 'tests',
    needsChromium: true,
    // The e2e tests load the bundles from dist/, so they run after a build
    // in the same run, never against a stale one.
    needsBuild: true,
    timeoutMs: 10 * MINUTE_MS,
    commands: [
      ['mocha', '--config', 'test/e2e/.mocharc.json', '--forbid-only'],
    ],
  },
  {
    // The short fault suite: a few scenarios of `npm run test:faults`, with
    // fewer events, each counted as one test. It loads dist/ as e2e does.
    name: 'faults',
    kind: 'tests',
    needsChromium: true,
    needsBuild: true,
    timeoutMs: 5 * MINUTE_MS,
    commands: [['tsx', 'test/faults/run.ts', '--short']],
  },
]

const SUITE_NAMES = SUITES.map((suite) => suite.name)
const SUMMARY_LINE = /^(\d+) passed, (\d+) failed$/
const PENDING_LINE = /^\s*(\d+) pending\b/
// Strips ANSI colour codes, so colourised reporter output still parses.
// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g

function usage() {
  return [
    'Usage: node scripts/run-tests.mjs [--only SUITE[,SUITE...]]',
    `Suites, in run order: ${SUITE_NAMES.join(', ')}`,
    'Selecting e2e or faults adds build: both load the built bundles.',
  ].join('\n')
}

function parseArgs(argv) {
  let only
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]
    if (arg === '--help' || arg === '-h') {
      console.log(usage())
      process.exit(0)
    } else if (arg === '--only') {
      only = argv[++index]
    } else if (arg.startsWith('--only=')) {
      only = arg.slice('--only='.length)
    } else {
      fail(`unknown argument "${arg}"`)
    }
  }
  if (only === undefined) return new Set(SUITE_NAMES)

  const requested = only
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = requested.filter((name) => !SUITE_NAMES.includes(name))
  if (requested.length === 0 || unknown.length > 0) {
    fail(`invalid --only value "${only ?? ''}"`)
  }
  const selected = new Set(requested)
  const needingBuild = SUITES.filter(
    (suite) => suite.needsBuild && selected.has(suite.name),
  )
  if (needingBuild.length > 0 && !selected.has('build')) {
    const names = needingBuild.map((suite) => suite.name).join(' and ')
    const verb = needingBuild.length > 1 ? 'need' : 'needs'
    console.log(
      `run-tests: adding build, because ${names} ${verb} a fresh dist/`,
    )
    selected.add('build')
  }
  return selected
}

function fail(message) {
  console.error(`run-tests: ${message}\n${usage()}`)
  process.exit(2)
}

let runningChild

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group has already exited.
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (runningChild) killGroup(runningChild, 'SIGTERM')
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })
}

/**
 * Runs one command with its output streamed through, and resolves with its
 * exit code and the reporter counts found in its stdout.
 */
function runCommand([bin, ...args], { env, timeoutMs }) {
  return new Promise((resolve) => {
    console.log(`\n$ ${bin} ${args.join(' ')}`)
    // A process group of its own, so a timeout also stops the browsers and
    // workers the command started.
    // `node` is this Node.js; every other command comes from node_modules/.bin.
    const executable =
      bin === 'node' ? process.execPath : path.join(binDir, bin)
    const child = spawn(executable, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    runningChild = child
    const result = { code: null, counts: undefined, pending: 0 }
    let partialLine = ''
    let timedOut = false

    const timer = setTimeout(() => {
      timedOut = true
      console.error(`\nrun-tests: ${bin} timed out after ${timeoutMs / 1000} s`)
      killGroup(child, 'SIGTERM')
      setTimeout(() => killGroup(child, 'SIGKILL'), 5000).unref()
    }, timeoutMs)

    function scan(line) {
      const plain = line.replace(ANSI_ESCAPE, '').trimEnd()
      const summary = SUMMARY_LINE.exec(plain)
      if (summary) {
        result.counts = {
          passed: Number(summary[1]),
          failed: Number(summary[2]),
        }
      }
      const pending = PENDING_LINE.exec(plain)
      if (pending) result.pending = Number(pending[1])
    }

    // Decoded as a stream, so a character split across chunks stays whole.
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      const lines = (partialLine + chunk).split('\n')
      partialLine = lines.pop() ?? ''
      lines.forEach(scan)
    })
    child.stderr.on('data', (chunk) => process.stderr.write(chunk))

    child.on('error', (error) => {
      console.error(`run-tests: could not start ${bin}: ${error.message}`)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      runningChild = undefined
      if (partialLine) scan(partialLine)
      result.code = code ?? (signal ? 128 : 1)
      result.timedOut = timedOut
      resolve(result)
    })
  })
}

function childEnv(suite) {
  const env = { ...process.env }
  if (process.stdout.isTTY && env.FORCE_COLOR === undefined) {
    env.FORCE_COLOR = '1'
  }
  if (suite.needsChromium) env.CHROME_BIN = findChromium()
  return env
}

async function runSuite(suite, failedSuites) {
  const started = Date.now()
  const outcome = { name: suite.name, passed: 0, failed: 0, pending: 0 }
  const finish = (reason) => {
    outcome.ok = reason === undefined
    outcome.reason = reason
    outcome.seconds = (Date.now() - started) / 1000
    if (!outcome.ok && outcome.failed === 0) outcome.failed = 1
    return outcome
  }

  console.log(`\n== ${suite.name} ==`)
  if (suite.needsBuild && failedSuites.has('build')) {
    return finish('not run, because build failed')
  }
  let env
  try {
    env = childEnv(suite)
  } catch (error) {
    console.error(`run-tests: ${error.message}`)
    return finish('no usable Chromium, see the message above')
  }

  if (suite.kind === 'check') {
    const failures = []
    for (const command of suite.commands) {
      const result = await runCommand(command, {
        env,
        timeoutMs: suite.timeoutMs,
      })
      if (result.code !== 0)
        failures.push(`${command[0]} exited ${result.code}`)
    }
    if (failures.length > 0) return finish(failures.join('; '))
    outcome.passed = 1
    return finish()
  }

  const [command] = suite.commands
  const result = await runCommand(command, { env, timeoutMs: suite.timeoutMs })
  outcome.passed = result.counts?.passed ?? 0
  outcome.failed = result.counts?.failed ?? 0
  outcome.pending = result.pending
  if (result.timedOut) return finish('timed out')
  if (!result.counts) {
    return finish(`exited ${result.code} with no "N passed, N failed" line`)
  }
  if (result.code !== 0) return finish(`exited ${result.code}`)
  if (outcome.passed + outcome.failed === 0) return finish('ran no tests')
  return finish()
}

function formatTable(outcomes) {
  const header = ['suite', 'result', 'passed', 'failed', 'pending', 'time']
  const rows = outcomes.map((outcome) => [
    outcome.name,
    outcome.ok ? 'ok' : 'FAILED',
    String(outcome.passed),
    String(outcome.failed),
    String(outcome.pending),
    `${outcome.seconds.toFixed(1)} s`,
    outcome.reason ?? '',
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  )
  const format = (cells) =>
    cells
      .map((cell, column) => {
        if (column >= widths.length) return cell
        return column === 0 || column === 1
          ? cell.padEnd(widths[column])
          : cell.padStart(widths[column])
      })
      .join('  ')
      .trimEnd()
  return [format(header), ...rows.map(format)].join('\n')
}

async function main() {
  const selected = parseArgs(process.argv.slice(2))
  if (!existsSync(binDir)) {
    fail('node_modules/.bin is missing: run `npm ci` first')
  }

  const started = Date.now()
  const outcomes = []
  const failedSuites = new Set()
  for (const suite of SUITES) {
    if (!selected.has(suite.name)) continue
    const outcome = await runSuite(suite, failedSuites)
    if (!outcome.ok) failedSuites.add(suite.name)
    outcomes.push(outcome)
  }

  const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0)
  const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`\n== summary (${seconds} s) ==`)
  console.log(formatTable(outcomes))
  console.log(`${passed} passed, ${failed} failed`)
  process.exitCode = failedSuites.size > 0 ? 1 : 0
}

await main()
