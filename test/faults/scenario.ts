import type { Reply, Attempt, FaultServer } from './server'
import type { Tally } from './tally'
import type { PageLog, Tab } from './tabs'

/** What a scenario's script can do while it runs. */
export interface ScenarioContext {
  /** Events the scenario sends in this run: its full or its short count. */
  events: number
  short: boolean
  server: FaultServer
  log: PageLog
  /** Opens a new tab of the shared browser context and loads the page, as `Tab.open` does. */
  openTab(label: string, ready?: boolean): Promise<Tab>
  setOffline(offline: boolean): Promise<void>
  /**
   * Waits until every event tracked so far was delivered or reported as
   * dropped, at most `timeoutMs` (default 20 s). Resolves to whether it was.
   */
  settle(timeoutMs?: number): Promise<boolean>
  /** Reads the write-ahead queue of the page, as `tab#seq` to attempts. */
  storedAttempts(tab: Tab): Promise<Map<string, number>>
}

export interface Scenario {
  name: string
  /** Events sent by the full run: at least 1,000. */
  events: number
  /** Events sent by `--short`. Without it the scenario is left out of it. */
  shortEvents?: number
  /**
   * `loopback` loads the page from http://127.0.0.1, a secure context with
   * Web Locks; `shop` (default) from http://shop.example.test, without them.
   */
  origin?: 'shop' | 'loopback'
  /** The `Segment.io` settings besides `apiHost` and `protocol`. */
  endpoint: Record<string, unknown>
  /** Default: every POST gets 200 at once. */
  policy?: (attempt: Attempt) => Reply
  /** Milliseconds before the settings response. Default 0. */
  settingsDelayMs?: number
  /** Runs in every page before its scripts, e.g. to break storage. */
  initScript?: string
  /**
   * Tabs whose events may arrive twice because the page went away while
   * they were in flight, which at-least-once delivery cannot avoid.
   */
  duplicatesAllowedFor?: readonly string[]
  /** Console errors the scenario provokes on purpose. Any other fails it. */
  expectedConsole?: RegExp
  /** Drop reasons the scenario expects. Any other reason fails it. */
  expectedDrops?: readonly string[]
  /** Milliseconds the whole scenario may take. Default 60 s. */
  deadlineMs?: number
  run(context: ScenarioContext): Promise<void>
  /** Scenario-specific checks. Returns what failed. */
  check?(tally: Tally, log: PageLog): string[]
}

export const FAST_BACKOFF = {
  backoffConfig: { baseBackoffInterval: 0.1, maxBackoffInterval: 1 },
}

export function batching(size: number, timeout: number) {
  return { strategy: 'batching', config: { size, timeout } }
}

/** Splits `total` into `parts` near-equal whole counts. */
export function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts)
  return Array.from(
    { length: parts },
    (_, index) => base + (index < total % parts ? 1 : 0),
  )
}
