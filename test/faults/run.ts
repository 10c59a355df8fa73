// The fault suite. It runs each scenario of scenarios.ts in real Chromium
// pages with the built bundle, against a collector that injects the
// scenario's faults. It prints one table row per scenario, and exits 1 when
// a scenario lost an event or failed another of its checks.
//
//   tsx test/faults/run.ts                    every scenario, 1,000 events each
//   tsx test/faults/run.ts --short            a few scenarios, fewer events
//   tsx test/faults/run.ts --only 413,reset   scenarios whose name contains a word
//
// FAULTS_DEBUG=1 turns on the SDK's debug mode in the pages, prints what
// they log about adopting stored events, and the collector's responses.
// FAULTS_DEBUG_ALL=1 with it prints every debug line of the pages.
import { setTimeout as sleep } from 'node:timers/promises'

import type { Browser, BrowserContext } from 'playwright-core'

import { launchBrowser } from '../e2e/helpers/browser'
import { assertBundleBuilt, BUNDLE_FILE } from '../e2e/helpers/bundle'
import { within } from '../e2e/helpers/gate'
import { faultPage } from './page'
import type { Scenario, ScenarioContext } from './scenario'
import { SCENARIOS } from './scenarios'
import { startFaultServer, type FaultServer } from './server'
import { describeStoredEvents } from './stored-events'
import { formatTable, type Row } from './table'
import { allAccounted, tally, totalDuplicates, type Tally } from './tally'
import { openTab, watchContext, type PageLog, type Tab } from './tabs'

const DEFAULT_DEADLINE_MS = 60_000
const DEFAULT_SETTLE_MS = 20_000
const POLL_MS = 100
/** Keepalive requests of pages closed at the end may still arrive. */
const AFTER_CLOSE_MS = 300

interface Options {
  short: boolean
  only: string[] | undefined
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { short: false, only: undefined }
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]
    if (arg === '--short') options.short = true
    else if (arg === '--only') options.only = (argv[++index] ?? '').split(',')
    else if (arg?.startsWith('--only=')) {
      options.only = arg.slice('--only='.length).split(',')
    } else {
      console.error(`faults: unknown argument "${arg}"`)
      console.error('Usage: tsx test/faults/run.ts [--short] [--only WORD,...]')
      process.exit(2)
    }
  }
  return options
}

function select(options: Options): Scenario[] {
  const words = options.only?.map((word) => word.trim().toLowerCase())
  return SCENARIOS.filter((scenario) => {
    if (options.short && scenario.shortEvents === undefined) return false
    if (!words) return true
    return words.some((word) => scenario.name.toLowerCase().includes(word))
  })
}

function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  if (!protocol.startsWith('http')) return true
  return hostname === '127.0.0.1' || hostname.endsWith('.example.test')
}

function hostsFor(scenario: Scenario, port: number) {
  if (scenario.origin === 'loopback') {
    const host = `127.0.0.1:${port}`
    return { page: host, cdn: host, api: host }
  }
  return {
    page: `shop.example.test:${port}`,
    cdn: `cdn.example.test:${port}`,
    api: `api.example.test:${port}`,
  }
}

async function pollUntil(
  condition: () => boolean,
  timeoutMs: number,
): Promise<boolean> {
  const rounds = Math.ceil(timeoutMs / POLL_MS)
  for (let round = 0; round < rounds; round++) {
    if (condition()) return true
    await sleep(POLL_MS)
  }
  return condition()
}

/** Reads every queue the page stored, as `tab#seq` to attempts. */
async function storedAttempts(tab: Tab): Promise<Map<string, number>> {
  const pairs = await tab.page.evaluate(() => {
    const found: Array<[string, number]> = []
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index) ?? ''
      if (!key.startsWith('clickstream:queue:')) continue
      const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
      const records = Array.isArray(parsed) ? parsed : []
      for (const record of records) {
        const properties = record?.event?.properties ?? {}
        if (typeof properties.tab !== 'string') continue
        found.push([`${properties.tab}#${properties.seq}`, record.attempts])
      }
    }
    return found
  })
  return new Map(pairs)
}

/** Counts the collector's responses by outcome, e.g. `200 120, 503 140`. */
function describeOutcomes(server: FaultServer): string {
  const counts = new Map<string, number>()
  for (const { outcome = 'none' } of server.attempts) {
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
  }
  return [...counts].map(([outcome, count]) => `${outcome} ${count}`).join(', ')
}

/** Lists every duplicate of a tab that never went away while sending. */
function judgeDuplicates(scenario: Scenario, result: Tally): string[] {
  const allowed = new Set(scenario.duplicatesAllowedFor ?? [])
  const failures: string[] = []
  for (const [tab, count] of result.duplicates) {
    if (count > 0 && !allowed.has(tab)) {
      failures.push(`${count} duplicates of ${tab}, which never went away`)
    }
  }
  return failures
}

/** Lists drops with a reason the scenario does not expect, with an example. */
function judgeDrops(scenario: Scenario, result: Tally, log: PageLog): string[] {
  const expected = new Set(scenario.expectedDrops ?? [])
  const failures: string[] = []
  for (const [reason, count] of result.drops) {
    if (expected.has(reason)) continue
    const sample = log.drops.find((drop) => drop.reason === reason)
    const example = sample
      ? `, e.g. ${sample.tab}#${sample.seq}: ${sample.detail ?? ''}`
      : ''
    failures.push(`${count} dropped: ${reason}${example}`)
  }
  return failures
}

/** Returns what failed in a scenario. An empty list means it passed. */
function judge(scenario: Scenario, result: Tally, log: PageLog): string[] {
  const failures: string[] = []
  if (result.missing > 0) {
    const sample = result.missingSample.join(', ')
    failures.push(`${result.missing} missing, e.g. ${sample}`)
  }
  failures.push(...judgeDuplicates(scenario, result))
  failures.push(...judgeDrops(scenario, result, log))

  if (result.orderErrors > 0) {
    failures.push(`${result.orderErrors} events out of call order`)
  }
  if (result.earlyRetries > 0) {
    failures.push(`${result.earlyRetries} retries before Retry-After`)
  }

  failures.push(...log.problems.slice(0, 10))
  if (log.problems.length > 10) {
    failures.push(`and ${log.problems.length - 10} more problems`)
  }
  failures.push(...(scenario.check?.(result, log) ?? []))
  return failures
}

async function runScenario(
  browser: Browser,
  server: FaultServer,
  scenario: Scenario,
  short: boolean,
): Promise<Row> {
  const events = (short ? scenario.shortEvents : undefined) ?? scenario.events
  const writeKey = `fault-${scenario.name.replace(/[^A-Za-z0-9]+/g, '-')}`
  const hosts = hostsFor(scenario, server.port)
  server.begin({
    writeKey,
    endpoint: {
      apiHost: `${hosts.api}/v1`,
      protocol: 'http',
      ...scenario.endpoint,
    },
    page: faultPage(`http://${hosts.cdn}`, writeKey),
    policy: scenario.policy ?? (() => ({})),
    settingsDelayMs: scenario.settingsDelayMs,
  })

  const log: PageLog = {
    tracked: new Map(),
    drops: [],
    problems: [],
    expectedConsole: scenario.expectedConsole,
    debug: process.env.FAULTS_DEBUG === '1',
  }
  const started = performance.now()
  const context: BrowserContext = await browser.newContext()
  const deadlineMs = scenario.deadlineMs ?? DEFAULT_DEADLINE_MS
  const leftMs = (): number =>
    Math.max(0, deadlineMs - (performance.now() - started))
  let stored: string[] = []
  try {
    if (scenario.initScript) {
      await context.addInitScript({ content: scenario.initScript })
    }
    await watchContext(context, log)
    context.on('request', (request) => {
      if (!isLocalUrl(request.url())) {
        log.problems.push(`request to a non-local host: ${request.url()}`)
      }
    })
    const settle = (timeoutMs = DEFAULT_SETTLE_MS): Promise<boolean> =>
      pollUntil(() => allAccounted(server, log), Math.min(timeoutMs, leftMs()))
    const scenarioContext: ScenarioContext = {
      events,
      short,
      server,
      log,
      async openTab(label, ready) {
        const url = `http://${hosts.page}/page`
        const tab = await openTab(context, url, label, log)
        await tab.open(ready)
        return tab
      },
      setOffline: (offline) => context.setOffline(offline),
      settle,
      storedAttempts,
    }
    await within(scenario.run(scenarioContext), deadlineMs, scenario.name)
    await settle(leftMs())
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    log.problems.push(`driver: ${message.split('\n')[0]}`)
  } finally {
    // Read before the pages close, since closing may move what they stored.
    if (!allAccounted(server, log)) {
      stored = await describeStoredEvents(context).catch(() => [])
    }
    await context.close()
  }
  await sleep(AFTER_CLOSE_MS)
  server.releaseHung()

  const result = tally(server, log)
  if (log.debug) console.log(`    responses: ${describeOutcomes(server)}`)
  const failures = judge(scenario, result, log)
  if (result.missing > 0) {
    const listed = stored.length > 0 ? stored.join('; ') : 'no clickstream key'
    failures.push(`stored at the deadline: ${listed}`)
  }
  return {
    name: scenario.name,
    tally: result,
    seconds: (performance.now() - started) / 1000,
    failures,
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const scenarios = select(options)
  if (scenarios.length === 0) {
    console.error('faults: no scenario matches')
    process.exit(2)
  }
  assertBundleBuilt()

  const started = performance.now()
  const server = await startFaultServer(BUNDLE_FILE)
  let browser: Browser | undefined
  const rows: Row[] = []
  try {
    browser = await launchBrowser()
    for (const scenario of scenarios) {
      const row = await runScenario(browser, server, scenario, options.short)
      const mark = row.failures.length === 0 ? 'ok' : 'FAILED'
      const dups = totalDuplicates(row.tally)
      console.log(
        `  ${mark} ${row.name}: ${row.tally.delivered}/${row.tally.sent} delivered, ` +
          `${row.tally.missing} missing, ${dups} duplicates (${row.seconds.toFixed(1)} s)`,
      )
      rows.push(row)
    }
  } finally {
    await browser?.close()
    await server.close()
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`\n== fault scenarios (${seconds} s) ==`)
  console.log(formatTable(rows))
  for (const row of rows.filter((row) => row.failures.length > 0)) {
    console.log(`\n${row.name}:`)
    for (const failure of row.failures) console.log(`  - ${failure}`)
  }
  const failed = rows.filter((row) => row.failures.length > 0).length
  console.log(`${rows.length - failed} passed, ${failed} failed`)
  process.exitCode = failed > 0 ? 1 : 0
}

await main()
