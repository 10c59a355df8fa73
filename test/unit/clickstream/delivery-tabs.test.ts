import { expect } from 'chai'
import sinon from 'sinon'
import type { ClickstreamSettings } from '../../../src/clickstream'
import {
  CHECK_INTERVAL_MS,
  CLAIM_SETTLE_MS,
  leaseKey,
} from '../../../src/clickstream/ownership'
import {
  pageQueueKey,
  type StoredEvent,
} from '../../../src/clickstream/queue-store'
import type { SegmentEvent } from '../../../src/message/types'
import {
  startFaultCollector,
  type FaultCollector,
} from '../../helpers/fault-collector'
import { FakeLocks } from './fake-locks'
import {
  WRITE_KEY,
  createHarness,
  fakeClock,
  makeEvent,
  muteHttpErrorLines,
  realDelay,
  settleAndDispose,
  type Harness,
} from './helpers'

/** Stores `events` as the queue of the page `owner`, as that page would. */
function storeQueueOf(owner: string, events: SegmentEvent[]): void {
  const records: StoredEvent[] = events.map((event) => ({
    event,
    attempts: 0,
    rateLimitedRetries: 0,
  }))
  localStorage.setItem(pageQueueKey(WRITE_KEY, owner), JSON.stringify(records))
}

function pageHide(persisted: boolean): Event {
  const event = new Event('pagehide')
  Object.defineProperty(event, 'persisted', { value: persisted })
  return event
}

/** Lists the lease keys of the write key in localStorage. */
function leaseKeys(): string[] {
  const prefix = leaseKey(WRITE_KEY, '')
  return Object.keys(localStorage).filter((key) => key.startsWith(prefix))
}

describe('clickstream delivery, several tabs', () => {
  let collector: FaultCollector
  const harnesses: Harness[] = []
  let clock: sinon.SinonFakeTimers | undefined

  before(async () => {
    collector = await startFaultCollector()
  })
  after(() => collector.close())
  beforeEach(() => muteHttpErrorLines())
  afterEach(async () => {
    clock?.restore()
    clock = undefined
    for (const harness of harnesses.splice(0)) {
      await settleAndDispose(harness, collector)
    }
    collector.reset()
    sinon.restore()
  })

  function start(settings: ClickstreamSettings = {}): Harness {
    const harness = createHarness({
      apiHost: collector.apiHost,
      protocol: 'http',
      ...settings,
    })
    harnesses.push(harness)
    return harness
  }

  function sentIds(): string[] {
    return collector.posts().map((post) => String(post.body?.messageId))
  }

  describe('with leases in storage', () => {
    it('leaves the events of a live page to that page', async () => {
      const first = start()
      collector.setDefault({ hang: true })
      first.delivery.enqueue(makeEvent())
      await collector.waitForPosts(1)

      start()
      await realDelay(50)

      expect(collector.posts()).to.have.length(1)
    })

    it('sends the events of a closed page without a reload', async () => {
      clock = fakeClock(Date.now())
      start()
      const event = makeEvent()

      storeQueueOf('closed-page', [event])
      await clock.tickAsync(CHECK_INTERVAL_MS)
      await collector.waitForPosts(1)

      expect(sentIds()).to.deep.equal([event.messageId])
    })

    it('waits until the lease of a page that crashed lapses', async () => {
      clock = fakeClock(Date.now())
      start()
      const until = Date.now() + CHECK_INTERVAL_MS + 1000
      localStorage.setItem(leaseKey(WRITE_KEY, 'crashed'), String(until))
      storeQueueOf('crashed', [makeEvent()])

      await clock.tickAsync(CHECK_INTERVAL_MS)
      await realDelay(20)
      const before = collector.posts().length
      await clock.tickAsync(CHECK_INTERVAL_MS)
      await collector.waitForPosts(1)

      expect([before, collector.posts().length]).to.deep.equal([0, 1])
    })

    it('removes the queue it took over', async () => {
      start()
      storeQueueOf('closed-page', [makeEvent()])

      start()
      await collector.waitForPosts(1)

      const key = pageQueueKey(WRITE_KEY, 'closed-page')
      expect(localStorage.getItem(key)).to.equal(null)
    })

    it('gives its lease up when the page goes away', () => {
      start()

      window.dispatchEvent(pageHide(false))

      expect(leaseKeys()).to.deep.equal([])
    })

    it('keeps its lease in the back/forward cache', () => {
      start()

      window.dispatchEvent(pageHide(true))

      expect(leaseKeys()).to.have.length(1)
    })

    it('leaves its queue to the next page when disposed', async () => {
      const first = start()
      const event = makeEvent()
      collector.setDefault({ hang: true })
      first.delivery.enqueue(event)
      await collector.waitForPosts(1)

      first.delivery.dispose()
      collector.setDefault({})
      start()
      await collector.waitForPosts(2)

      expect(sentIds()).to.deep.equal([event.messageId, event.messageId])
    })
  })

  describe('with Web Locks', () => {
    let locks: FakeLocks

    beforeEach(() => {
      locks = new FakeLocks()
      sinon.stub(navigator, 'locks').get(() => locks)
    })

    it('leaves the events of a page that holds its lock', async () => {
      clock = fakeClock(Date.now())
      const name = `clickstream:${WRITE_KEY}:owner:live-page`
      void locks.request(name, () => new Promise(() => undefined))
      storeQueueOf('live-page', [makeEvent()])

      start()
      await clock.tickAsync(CLAIM_SETTLE_MS * 2)
      await realDelay(50)

      expect(collector.posts()).to.have.length(0)
    })

    it('sends the events of a page that holds no lock', async () => {
      clock = fakeClock(Date.now())
      const event = makeEvent()
      storeQueueOf('gone-page', [event])

      start()
      await clock.tickAsync(CLAIM_SETTLE_MS)
      await collector.waitForPosts(1)

      expect(sentIds()).to.deep.equal([event.messageId])
    })

    it('sends every chunk a closed page stored in one claim', async () => {
      clock = fakeClock(Date.now())
      const [first, second] = [makeEvent(), makeEvent()]
      storeQueueOf('gone-page', [first])
      const record: StoredEvent = {
        event: second,
        attempts: 0,
        rateLimitedRetries: 0,
      }
      const key = `${pageQueueKey(WRITE_KEY, 'gone-page')}#1`
      localStorage.setItem(key, JSON.stringify([record]))

      start()
      await clock.tickAsync(CLAIM_SETTLE_MS)
      await collector.waitForPosts(2)

      expect(sentIds()).to.have.members([first.messageId, second.messageId])
    })

    it('sends them once the page lets its lock go', async () => {
      clock = fakeClock(Date.now())
      const name = `clickstream:${WRITE_KEY}:owner:closing-page`
      let letGo: () => void = () => undefined
      void locks.request(name, () => new Promise<void>((r) => (letGo = r)))
      storeQueueOf('closing-page', [makeEvent()])
      start()
      await clock.tickAsync(CLAIM_SETTLE_MS * 2)

      letGo()
      await clock.tickAsync(CLAIM_SETTLE_MS)
      await collector.waitForPosts(1)

      expect(collector.posts()).to.have.length(1)
    })
  })
})
