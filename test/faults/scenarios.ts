import type { Attempt, Reply } from './server'
import {
  batching,
  FAST_BACKOFF,
  split,
  type Scenario,
  type ScenarioContext,
} from './scenario'
import type { Tab } from './tabs'

/** Chunks of 50 events with a pause between them, as a busy page makes them. */
const STEADY = { chunk: 50, gapMs: 60 }

/**
 * Tracks the events over two page loads, waiting for delivery in between.
 * `precondition` checks the page, e.g. that the fault is in place.
 */
async function twoLoads(
  context: ScenarioContext,
  precondition?: (tab: Tab) => Promise<string | undefined>,
): Promise<void> {
  const [first = 0, second = 0] = split(context.events, 2)
  const tab = await context.openTab('t1')
  const failure = await precondition?.(tab)
  if (failure) context.log.problems.push(failure)
  await tab.track(first, STEADY)
  await context.settle()
  await tab.reload()
  await tab.track(second, STEADY)
}

/** Deterministic pseudo-random numbers in [0, 1), so runs are repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

function hasSeq(attempt: Attempt, test: (seq: number) => boolean): boolean {
  return attempt.events.some(({ seq }) => seq !== undefined && test(seq))
}

const burst500: Scenario = {
  name: '500 bursts',
  events: 1000,
  shortEvents: 300,
  endpoint: { deliveryStrategy: batching(20, 500), httpConfig: FAST_BACKOFF },
  // 500 for 0.5 s out of every 1.5 s.
  policy: ({ at }) => (Math.floor(at / 500) % 3 === 1 ? { status: 500 } : {}),
  run: (context) => twoLoads(context),
}

const OUTAGE_MS = 30_000

const outage503: Scenario = {
  name: '503 for 30 s',
  events: 1000,
  endpoint: {
    deliveryStrategy: batching(20, 500),
    // The default base, and a maximum that keeps the run short: 7 retries
    // span the outage, within the default budget of 10.
    httpConfig: {
      backoffConfig: { baseBackoffInterval: 0.5, maxBackoffInterval: 8 },
    },
  },
  policy: ({ at }) => (at < OUTAGE_MS ? { status: 503 } : {}),
  deadlineMs: 100_000,
  async run(context) {
    const [first = 0, second = 0] = split(context.events, 2)
    const tab = await context.openTab('t1')
    await tab.track(first, STEADY)
    // The reload falls inside the outage: stored events wait in backoff.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    await tab.reload()
    await tab.track(second, STEADY)
    await context.settle(OUTAGE_MS + 30_000)
  },
}

const RETRY_AFTER_SECONDS = 1

const rateLimited429: Scenario = {
  name: '429 with Retry-After',
  events: 1000,
  endpoint: { deliveryStrategy: batching(20, 500), httpConfig: FAST_BACKOFF },
  // Every fourth request is rate limited.
  policy: ({ index }) =>
    index % 4 === 1
      ? { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } }
      : {},
  run: (context) => twoLoads(context),
}

/** Every 50th event, from the 8th, is one the collector refuses. */
const isPoisoned = (seq: number): boolean => seq % 50 === 7

const reject400: Scenario = {
  name: '400 on some events',
  events: 1000,
  shortEvents: 200,
  // One request per event, so a 400 names exactly one event.
  endpoint: { deliveryStrategy: { strategy: 'standard' } },
  policy: (attempt) => (hasSeq(attempt, isPoisoned) ? { status: 400 } : {}),
  expectedDrops: ['rejected'],
  run: (context) => twoLoads(context),
  check(_tally, log) {
    const failures: string[] = []
    const wrong = log.drops.filter(
      (drop) =>
        drop.reason !== 'rejected' ||
        drop.status !== 400 ||
        !isPoisoned(drop.seq),
    )
    if (wrong.length > 0) {
      failures.push(`${wrong.length} drops other than the refused events`)
    }
    let poisoned = 0
    for (const count of log.tracked.values()) {
      for (let seq = 0; seq < count; seq++) if (isPoisoned(seq)) poisoned++
    }
    const rejected = log.drops.length - wrong.length
    if (rejected !== poisoned) {
      failures.push(`${rejected} of ${poisoned} refused events reported`)
    }
    return failures
  },
}

/** Bodies above this get 413: stricter than the SDK's 500 KB batch limit. */
const COLLECTOR_BODY_LIMIT = 48 * 1024
/** Every 97th event carries 40 KB, over the 32 KB limit per event. */
const isOversized = (seq: number): boolean => seq % 97 === 50

const tooLarge413: Scenario = {
  name: '413 on large batches',
  events: 1000,
  endpoint: { deliveryStrategy: batching(100, 500), httpConfig: FAST_BACKOFF },
  policy: ({ bytes }) => (bytes > COLLECTOR_BODY_LIMIT ? { status: 413 } : {}),
  expectedDrops: ['event_too_large'],
  // An oversized event is misuse, which the SDK reports on the console.
  expectedConsole: /too large to send/,
  async run(context) {
    const bigPads: Record<number, number> = {}
    for (let seq = 0; seq < context.events; seq++) {
      if (isOversized(seq)) bigPads[seq] = 40 * 1024
    }
    const [first = 0, second = 0] = split(context.events, 2)
    const tab = await context.openTab('t1')
    const options = { ...STEADY, padBytes: 1500, bigPads }
    await tab.track(first, options)
    await context.settle()
    await tab.reload()
    await tab.track(second, options)
  },
  check(_tally, log) {
    const wrong = log.drops.filter(
      (drop) => drop.reason !== 'event_too_large' || !isOversized(drop.seq),
    )
    return wrong.length > 0 ? [`${wrong.length} unexpected drops`] : []
  },
}

const hung: Scenario = {
  name: 'hung connection',
  events: 1000,
  endpoint: {
    deliveryStrategy: batching(20, 500),
    // The shortest timeout the SDK accepts.
    httpConfig: { ...FAST_BACKOFF, requestTimeout: 1000 },
  },
  // Every fifth of the first 60 requests never gets a response.
  policy: ({ index }) => (index < 60 && index % 5 === 2 ? { hang: true } : {}),
  run: (context) => twoLoads(context),
}

function resetPolicy(): (attempt: Attempt) => Reply {
  const random = seededRandom(7)
  // A quarter of the first 80 requests lose their connection.
  return ({ index }) => (index < 80 && random() < 0.25 ? { reset: true } : {})
}

const reset: Scenario = {
  name: 'reset connection',
  events: 1000,
  endpoint: { deliveryStrategy: batching(20, 500), httpConfig: FAST_BACKOFF },
  policy: resetPolicy(),
  run: (context) => twoLoads(context),
}

const offline: Scenario = {
  name: 'offline then online',
  events: 1000,
  shortEvents: 200,
  endpoint: { deliveryStrategy: batching(20, 500), httpConfig: FAST_BACKOFF },
  async run(context) {
    const [before = 0, during = 0, after = 0] = split(context.events, 3)
    const tab = await context.openTab('t1')
    await tab.track(before, STEADY)
    await context.settle()
    await context.setOffline(true)
    await tab.track(during, STEADY)
    // Long enough for several backoffs, had the SDK tried while offline.
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const stored = await context.storedAttempts(tab)
    const burnt = [...stored.values()].filter((attempts) => attempts > 0)
    if (burnt.length > 0) {
      context.log.problems.push(`${burnt.length} attempts burnt offline`)
    }
    if (stored.size < during) {
      context.log.problems.push(`${stored.size} of ${during} stored offline`)
    }
    await context.setOffline(false)
    await context.settle()
    await tab.reload()
    await tab.track(after, STEADY)
  },
}

/** The collector responds after this, so a reload finds requests in flight. */
const IN_FLIGHT_DELAY_MS = 150

const reloadMidSend: Scenario = {
  name: 'reload mid-send',
  events: 1000,
  shortEvents: 200,
  endpoint: { deliveryStrategy: batching(10, 300), httpConfig: FAST_BACKOFF },
  policy: () => ({ delayMs: IN_FLIGHT_DELAY_MS }),
  duplicatesAllowedFor: ['t1'],
  async run(context) {
    const tab = await context.openTab('t1')
    const loads = split(context.events, 4)
    for (const [index, count] of loads.entries()) {
      if (index > 0) await tab.reload()
      await tab.track(count, { chunk: 50, gapMs: 20 })
    }
  },
}

/**
 * Each load tracks on the snippet's stub and reloads while the bundle and
 * the slow settings still load, so no event has reached storage yet.
 */
const reloadBeforeSettings: Scenario = {
  name: 'reload before settings',
  events: 1000,
  endpoint: { deliveryStrategy: batching(10, 300), httpConfig: FAST_BACKOFF },
  settingsDelayMs: 500,
  duplicatesAllowedFor: ['t1'],
  async run(context) {
    const tab = await context.openTab('t1', false)
    const loads = split(context.events, 4)
    for (const [index, count] of loads.entries()) {
      if (index > 0) await tab.reload(false)
      await tab.track(count, { chunk: 250 })
    }
  },
}

/**
 * Each tab tracks and closes while the bundle and the slow settings still
 * load, then a later visit opens.
 */
const closeBeforeSettings: Scenario = {
  name: 'tab closed before settings',
  events: 1000,
  endpoint: { deliveryStrategy: batching(10, 300), httpConfig: FAST_BACKOFF },
  settingsDelayMs: 500,
  // Delivery takes a few seconds. A longer wait finds nothing more.
  deadlineMs: 15_000,
  async run(context) {
    const shares = split(context.events, 4)
    for (const [index, count] of shares.entries()) {
      const tab = await context.openTab(`t${index + 1}`, false)
      await tab.track(count, { chunk: 250 })
      if (index < shares.length - 1) await tab.close()
    }
  },
}

const closeMidSend: Scenario = {
  name: 'tab closed mid-send',
  events: 1000,
  endpoint: { deliveryStrategy: batching(10, 300), httpConfig: FAST_BACKOFF },
  policy: () => ({ delayMs: IN_FLIGHT_DELAY_MS }),
  duplicatesAllowedFor: ['t1', 't2'],
  async run(context) {
    const [first = 0, second = 0, third = 0] = split(context.events, 3)
    const firstTab = await context.openTab('t1')
    await firstTab.track(first, { chunk: 50, gapMs: 20 })
    await firstTab.close()
    const secondTab = await context.openTab('t2')
    await secondTab.track(second, { chunk: 50, gapMs: 20 })
    await secondTab.close()
    // A later visit picks up what the closed tabs left stored.
    const thirdTab = await context.openTab('t3')
    await thirdTab.track(third, { chunk: 50, gapMs: 20 })
  },
}

/**
 * Three tabs send at once to a slow collector, so each keeps a backlog in
 * storage. A tab that opens must not send the live tabs' events too. Then
 * t2 closes while the collector fails, and the survivors must take over
 * what t2 left stored, without a reload.
 */
function threeTabs(origin: 'shop' | 'loopback'): Scenario {
  let closing: number | undefined
  return {
    name: `three tabs${origin === 'loopback' ? ', Web Locks' : ', lease'}`,
    origin,
    events: 1000,
    shortEvents: origin === 'shop' ? 300 : undefined,
    endpoint: {
      deliveryStrategy: batching(10, 300),
      httpConfig: {
        backoffConfig: { baseBackoffInterval: 0.1, maxBackoffInterval: 2 },
      },
    },
    policy: ({ at }) => {
      if (closing !== undefined && at >= closing && at < closing + 1500) {
        return { status: 503 }
      }
      return { delayMs: 100 }
    },
    duplicatesAllowedFor: ['t2'],
    deadlineMs: 90_000,
    async run(context) {
      closing = undefined
      const [head = 0, rest = 0] = split(context.events, 2)
      const [a = 0, b = 0, c = 0] = split(head, 3)
      const tabs: Tab[] = []
      for (const [label, count] of [
        ['t1', a],
        ['t2', b],
        ['t3', c],
      ] as const) {
        const tab = await context.openTab(label)
        tabs.push(tab)
        await tab.track(count, { chunk: 25, gapMs: 30 })
      }
      const shares = split(rest, 3)
      await Promise.all(
        tabs.map((tab, index) =>
          tab.track(shares[index] ?? 0, { chunk: 25, gapMs: 30 }),
        ),
      )
      closing = context.server.elapsed()
      await tabs[1]?.close()
      await context.settle(40_000)
    },
  }
}

/** Fills localStorage on the first load until even 1 KB no longer fits. */
const FILL_STORAGE = `(() => {
  try {
    if (localStorage.getItem('fault-fill-0') !== null) return
    let chunk = 4 * 1024 * 1024
    for (let index = 0; chunk >= 1024 && index < 200; ) {
      try {
        localStorage.setItem('fault-fill-' + index, 'x'.repeat(chunk))
        index += 1
      } catch (error) {
        chunk = Math.floor(chunk / 2)
      }
    }
  } catch (error) {}
})()`

const storageFull: Scenario = {
  name: 'storage full',
  events: 1000,
  endpoint: { deliveryStrategy: batching(20, 500), httpConfig: FAST_BACKOFF },
  policy: burst500.policy,
  initScript: FILL_STORAGE,
  run: (context) =>
    twoLoads(context, async (tab) => {
      const full = await tab.page.evaluate(() => {
        try {
          localStorage.setItem('fault-probe', 'x'.repeat(4096))
          localStorage.removeItem('fault-probe')
          return false
        } catch {
          return true
        }
      })
      return full ? undefined : 'localStorage still takes 4 KB'
    }),
}

/** Makes every access to localStorage throw, as a blocked storage does. */
const DISABLE_STORAGE = `Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  },
})`

const storageDisabled: Scenario = {
  name: 'storage disabled',
  events: 1000,
  endpoint: { deliveryStrategy: batching(20, 500), httpConfig: FAST_BACKOFF },
  policy: burst500.policy,
  initScript: DISABLE_STORAGE,
  run: (context) =>
    twoLoads(context, async (tab) => {
      const blocked = await tab.page.evaluate(() => {
        try {
          return localStorage === undefined
        } catch {
          return true
        }
      })
      return blocked ? undefined : 'localStorage is still readable'
    }),
}

const slow: Scenario = {
  name: 'slow collector (2 s)',
  events: 1000,
  endpoint: { deliveryStrategy: batching(50, 1000) },
  policy: () => ({ delayMs: 2000 }),
  async run(context) {
    await twoLoads(context)
    await context.settle(40_000)
  },
}

export const SCENARIOS: readonly Scenario[] = [
  burst500,
  outage503,
  rateLimited429,
  reject400,
  tooLarge413,
  hung,
  reset,
  offline,
  reloadMidSend,
  reloadBeforeSettings,
  closeMidSend,
  closeBeforeSettings,
  threeTabs('loopback'),
  threeTabs('shop'),
  storageFull,
  storageDisabled,
  slow,
]
