// `npm run bench`: builds, then measures clickstream beside its peers in
// one headless Chromium session, prints the figures as tables and writes
// the raw samples to bench/results.json. See bench/README.md.
//
//   node bench/run.mjs [--rounds N] [--calls N] [--peer-calls N]
//                      [--scale-calls N] [--check] [--help]
//
// Exits 1 when an event was dropped for a full queue, when a case could
// not be measured, or, with --check, when a budget of bench/budgets.mjs
// breaks. Exits 2 on an invalid option.
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { measureBacklog, STORED_EVENTS } from './lib/backlog.mjs'
import { checkBudgets } from './lib/budget-check.mjs'
import { launchBrowser } from './lib/browser.mjs'
import { caseId, roundCases } from './lib/dispatch.mjs'
import { parseOptions, USAGE } from './lib/options.mjs'
import { runPageCase } from './lib/page-case.mjs'
import { buildPeers } from './lib/peers.mjs'
import { formatBudgetCheck, formatReport } from './lib/report.mjs'
import { startBenchServer } from './lib/server.mjs'
import { measureSizes } from './lib/size.mjs'
import { measureStartup } from './lib/startup.mjs'
import { STORAGE_DROP_REASONS, summarize } from './lib/summarize.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const RESULTS_FILE = path.join(root, 'bench', 'results.json')
const PEER_DIR = path.join(root, '.tmp', 'bench')

/** Script name under /bench/ of each SDK's bundle. */
const BUNDLES = {
  clickstream: 'clickstream-core',
  'analytics-next': 'analytics-next',
  analytics: 'analytics',
}

const startedAt = Date.now()

/** Prints a progress line to stderr, after the seconds since the start. */
function progress(message) {
  const seconds = String(Math.round((Date.now() - startedAt) / 1000))
  process.stderr.write(`bench: [${seconds.padStart(3)} s] ${message}\n`)
}

function serverScripts(peers) {
  const page = (file) => path.join(root, 'bench', 'page', file)
  return {
    harness: page('harness.js'),
    'sdk-floor': page('floor.js'),
    'sdk-clickstream': page('sdk-clickstream.js'),
    'sdk-analytics-next': page('sdk-analytics-next.js'),
    'sdk-analytics': page('sdk-analytics.js'),
    'clickstream-core': path.join(root, 'dist', 'analytics.core.min.js'),
    'analytics-next': peers['analytics-next'].file,
    analytics: peers.analytics.file,
  }
}

/** Runs every round of start-up and dispatch cases in one Chromium. */
async function runRounds(server, options) {
  const samples = {}
  const startup = []
  const backlog = []
  const browser = await launchBrowser()
  try {
    for (let round = 0; round < options.rounds; round++) {
      progress(`round ${round + 1} of ${options.rounds}: start-up`)
      startup.push(await measureStartup({ browser, server }, round))
      progress(`round ${round + 1} of ${options.rounds}: backlog`)
      backlog.push(
        await measureBacklog({ browser, server, bundles: BUNDLES }, round),
      )
      for (const item of roundCases(options, round)) {
        const id = caseId(item)
        progress(`round ${round + 1} of ${options.rounds}: ${id}`)
        const laneId = `r${round}-${id.replaceAll('/', '-')}`
        const sample = await runPageCase(
          { browser, server, bundles: BUNDLES, laneId },
          item,
        )
        ;(samples[id] ??= []).push(sample)
      }
    }
    return { samples, startup, backlog, chromium: browser.version() }
  } finally {
    await browser.close()
  }
}

/**
 * Measures retained heap once per SDK, in a Chromium of its own launched
 * with `--expose-gc`: clickstream at --calls, and clickstream and
 * analytics-next side by side at --peer-calls.
 */
async function runMemory(server, options) {
  const browser = await launchBrowser({ exposeGc: true })
  const cases = [
    { sdk: 'clickstream', calls: options.calls },
    { sdk: 'clickstream', calls: options.peerCalls },
    { sdk: 'analytics-next', calls: options.peerCalls },
  ]
  try {
    const results = []
    for (const { sdk, calls } of cases) {
      progress(`memory: ${sdk}, ${calls} calls`)
      const sample = await runPageCase(
        { browser, server, bundles: BUNDLES, laneId: `memory-${sdk}-${calls}` },
        { sdk, method: 'track', destinations: 5, calls, measureHeap: true },
      )
      results.push(sample)
    }
    return results
  } finally {
    await browser.close()
  }
}

/** Returns why the run's figures cannot be trusted or an event was lost, one line each. */
function findFailures(summary) {
  const failures = []
  for (const { case: id, drops } of summary.storageDrops) {
    const counts = STORAGE_DROP_REASONS.filter((reason) => drops[reason])
      .map((reason) => `${drops[reason]} ${reason}`)
      .join(', ')
    failures.push(`${id}: events dropped for a full queue (${counts})`)
  }
  for (const row of summary.delivery) {
    if (!row.settled) {
      failures.push(
        `${row.sdk}, ${row.calls} calls: timed out before every event reached the collector and the destinations`,
      )
    }
  }
  const { backlog } = summary
  const backlogDrops = Object.keys(backlog.drops)
  if (backlogDrops.length > 0) {
    failures.push(`backlog: events dropped (${backlogDrops.join(', ')})`)
  }
  if (backlog.storedEvents !== STORED_EVENTS) {
    failures.push(
      `backlog: ${backlog.storedEvents} events stored, not ${STORED_EVENTS}`,
    )
  }
  for (const row of summary.memory) {
    if (!row.settled) {
      failures.push(
        `memory, ${row.sdk}, ${row.calls} calls: timed out before every event reached the collector and the destinations`,
      )
    }
  }
  if (summary.startup.destinationsNotReady.length > 0) {
    failures.push(
      `start-up: not ready in every round: ${summary.startup.destinationsNotReady.join(', ')}`,
    )
  }
  if (summary.outsideRequests > 0) {
    failures.push(
      `${summary.outsideRequests} requests went to hosts other than 127.0.0.1 (blocked)`,
    )
  }
  return failures
}

async function main() {
  let options
  try {
    options = parseOptions(process.argv.slice(2))
  } catch (error) {
    console.error(`bench: ${error.message}`)
    return 2
  }
  if (options.help) {
    console.log(USAGE)
    return 0
  }
  const loadAverage = os.loadavg()
  progress(`bundling the peers into ${path.relative(root, PEER_DIR)}`)
  const peers = await buildPeers(root, PEER_DIR)
  const server = await startBenchServer({
    scripts: serverScripts(peers),
    distDir: path.join(root, 'dist'),
  })
  let rounds
  let memory
  try {
    rounds = await runRounds(server, options)
    memory = await runMemory(server, options)
  } finally {
    await server.close()
  }
  progress('sizes: building bundles with rollup and terser')
  const sizes = await measureSizes(root)

  const summary = summarize(
    {
      samples: rounds.samples,
      memory,
      startup: rounds.startup,
      backlog: rounds.backlog,
      sizes,
    },
    options,
  )
  const budgets = checkBudgets(summary)
  const failures = findFailures(summary)
  console.log(formatReport(summary, { options, peers }))
  console.log(`\n${formatBudgetCheck(budgets)}`)

  const results = {
    generatedAt: new Date(startedAt).toISOString(),
    durationSeconds: (Date.now() - startedAt) / 1000,
    options,
    environment: {
      node: process.version,
      chromium: rounds.chromium,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      loadAverageAtStart: loadAverage,
    },
    peers,
    summary,
    budgets,
    failures,
    samples: {
      dispatch: rounds.samples,
      memory,
      startup: rounds.startup,
      backlog: rounds.backlog,
    },
  }
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
  console.log(
    `\nRaw figures: ${path.relative(root, RESULTS_FILE)}. Took ${Math.round(results.durationSeconds)} s.`,
  )

  let exitCode = 0
  if (failures.length > 0) {
    console.log(
      `\nThe run failed:\n${failures.map((line) => `- ${line}`).join('\n')}`,
    )
    exitCode = 1
  }
  const broken = budgets.filter((row) => !row.pass)
  if (options.check) {
    console.log(
      broken.length === 0
        ? '\nEvery budget holds.'
        : `\n${broken.length} of ${budgets.length} budget checks fail.`,
    )
    if (broken.length > 0) exitCode = 1
  }
  return exitCode
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    console.error(`bench: ${error instanceof Error ? error.stack : error}`)
    process.exitCode = 1
  },
)
