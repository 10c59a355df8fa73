import timers from 'node:timers'
import sinon from 'sinon'
import { createLogger } from '../../../src/debug'
import type { SegmentEvent } from '../../../src/message/types'
import { createClickstreamDelivery } from '../../../src/clickstream'
import type {
  ClickstreamDelivery,
  ClickstreamSettings,
  DeliveryHooks,
  DropNotice,
} from '../../../src/clickstream'
import type { FaultCollector } from '../../helpers/fault-collector'
import {
  listStoredQueues,
  type StoredEvent,
} from '../../../src/clickstream/queue-store'

export const WRITE_KEY = 'wk-test'

// Captured at import, because sinon fake timers also replace the functions
// of `node:timers`, and the waits below must stay real under a fake clock.
const realSetTimeout = timers.setTimeout

let counter = 0

export function makeEvent(overrides: Partial<SegmentEvent> = {}): SegmentEvent {
  counter += 1
  return {
    type: 'track',
    event: 'Clicked',
    messageId: `msg-${counter}`,
    timestamp: new Date().toISOString(),
    anonymousId: 'anon-1',
    properties: {},
    context: { library: { name: 'clickstream-analytics', version: '0.0.0' } },
    integrations: {},
    ...overrides,
  }
}

export interface Harness {
  delivery: ClickstreamDelivery
  delivered: SegmentEvent[]
  dropped: DropNotice[]
  hooks: DeliveryHooks
}

/** Creates a delivery whose hook calls are recorded. Dispose it after the test. */
export function createHarness(
  settings: ClickstreamSettings,
  writeKey = WRITE_KEY,
): Harness {
  const delivered: SegmentEvent[] = []
  const dropped: DropNotice[] = []
  const hooks: DeliveryHooks = {
    onDelivered: (event) => delivered.push(event),
    onDropped: (notice) => dropped.push(notice),
    logger: createLogger('test'),
  }
  const delivery = createClickstreamDelivery(writeKey, settings, hooks)
  return { delivery, delivered, dropped, hooks }
}

/** Backoff settings that keep real-time tests short and predictable. */
export const FAST_RETRY = {
  backoffConfig: { baseBackoffInterval: 0.1, jitterPercent: 0 },
}

/**
 * Lets requests still in flight finish, so disposing does not abort them:
 * happy-dom prints every aborted request on the console.
 */
export async function settleAndDispose(
  harness: Harness | undefined,
  collector: FaultCollector,
): Promise<void> {
  if (!harness) return
  collector.release()
  await Promise.race([harness.delivery.flush(), realDelay(500)])
  harness.delivery.dispose()
}

/** happy-dom prints each non-2xx response as a browser console would. */
const HAPPY_DOM_HTTP_ERROR =
  /^(GET|POST|OPTIONS) http:\/\/127\.0\.0\.1:\d+\/\S* \d{3} \(/

function isScriptedFaultLine(first: unknown): boolean {
  if (typeof first === 'string') return HAPPY_DOM_HTTP_ERROR.test(first)
  // happy-dom also prints the error of each reset or aborted connection.
  const code = (first as { code?: unknown } | null)?.code
  return first instanceof Error && code === 'ECONNRESET'
}

/**
 * Hides happy-dom's console lines for non-2xx responses and reset
 * connections until `sinon.restore()`, so scripted faults do not flood the
 * report. Every other console error still prints.
 */
export function muteHttpErrorLines(): void {
  const print = console.error.bind(console)
  sinon.stub(console, 'error').callsFake((...args: unknown[]) => {
    if (isScriptedFaultLine(args[0])) return
    print(...args)
  })
}

export function realDelay(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms))
}

/**
 * Polls in real time until `condition` holds, at most `timeoutMs`. Network
 * I/O runs meanwhile, even under sinon fake timers.
 */
export async function waitUntil(
  condition: () => boolean,
  timeoutMs = 3000,
): Promise<void> {
  const attempts = Math.ceil(timeoutMs / 5)
  for (let i = 0; i < attempts; i++) {
    if (condition()) return
    await realDelay(5)
  }
  throw new Error(`condition not met within ${timeoutMs} ms`)
}

/** Reads every stored queue of the write key: the shared one and each page's. */
export function readStored(writeKey = WRITE_KEY): StoredEvent[] {
  return listStoredQueues(writeKey).flatMap(({ key }) => {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as StoredEvent[]) : []
  })
}

export function storedRecord(messageId: string): StoredEvent | undefined {
  return readStored().find((record) => record.event.messageId === messageId)
}

/**
 * Waits until the response to attempt `attempts` of the event was handled,
 * which the stored `retryAt` shows, then moves the fake clock to that time
 * so the retry starts at exactly the wait the engine chose.
 */
export async function tickToRetry(
  clock: sinon.SinonFakeTimers,
  messageId: string,
  attempts: number,
): Promise<number> {
  await waitUntil(() => {
    const record = storedRecord(messageId)
    return record?.attempts === attempts && record.retryAt !== undefined
  })
  const retryAt = storedRecord(messageId)?.retryAt ?? Date.now()
  const wait = retryAt - Date.now()
  await clock.tickAsync(wait)
  return wait
}

/** Fakes only the clock and timeouts. I/O and microtasks stay real. */
export function fakeClock(now: Date | number): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({
    now,
    toFake: ['setTimeout', 'clearTimeout', 'Date'],
  })
}

export function sentAtOf(body: Record<string, unknown> | undefined): number {
  return Date.parse(String(body?.sentAt))
}

export interface StorageSpies {
  getItem: sinon.SinonSpy<[string], string | null>
  setItem: sinon.SinonSpy<[string, string], void>
  removeItem: sinon.SinonSpy<[string], void>
}

type StorageOverrides = Partial<{
  getItem: (key: string) => string | null
  setItem: (key: string, value: string) => void
  removeItem: (key: string) => void
}>

/**
 * Puts a spied storage in place of `window.localStorage` until
 * `sinon.restore()`. Methods not overridden pass through to the real one.
 * Spying on happy-dom's storage itself does not work, because its proxy
 * binds each method to the instance and keeps stubs after a restore.
 */
export function stubStorage(overrides: StorageOverrides = {}): StorageSpies {
  const real = localStorage
  const storage: StorageSpies = {
    getItem: sinon.spy(overrides.getItem ?? ((key) => real.getItem(key))),
    setItem: sinon.spy(
      overrides.setItem ?? ((key, value) => real.setItem(key, value)),
    ),
    removeItem: sinon.spy(
      overrides.removeItem ?? ((key) => real.removeItem(key)),
    ),
  }
  // Listing keys passes through too, as finding the stored queues needs it.
  const stubbed = {
    ...storage,
    get length() {
      return real.length
    },
    key: (index: number) => real.key(index),
  }
  stubGlobal('localStorage').get(() => stubbed)
  return storage
}

/** Stubs a property of the global scope, which is the window under happy-dom. */
export function stubGlobal(name: string): sinon.SinonStub {
  const scope = globalThis as unknown as Record<string, unknown>
  return sinon.stub(scope, name)
}

export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError')
}

export function securityError(): DOMException {
  return new DOMException('Access is denied.', 'SecurityError')
}
