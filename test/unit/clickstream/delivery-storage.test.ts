import { expect } from 'chai'
import sinon from 'sinon'
import type { ClickstreamSettings } from '../../../src/clickstream'
import type { SegmentEvent } from '../../../src/message/types'
import { MAX_QUEUED_EVENTS } from '../../../src/clickstream/delivery'
import { queueStorageKey } from '../../../src/clickstream/queue-store'
import {
  startFaultCollector,
  type FaultCollector,
} from '../../helpers/fault-collector'
import {
  FAST_RETRY,
  WRITE_KEY,
  createHarness,
  fakeClock,
  makeEvent,
  muteHttpErrorLines,
  quotaError,
  readStored,
  realDelay,
  securityError,
  settleAndDispose,
  stubGlobal,
  storedRecord,
  stubStorage,
  waitUntil,
  type Harness,
} from './helpers'

describe('clickstream delivery, storage', () => {
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

  describe('reload', () => {
    /** Sends one event that is still in flight when its page goes away. */
    async function leaveInFlight() {
      const first = start()
      const event = makeEvent()
      collector.script({ hang: true })
      first.delivery.enqueue(event)
      await collector.waitForPosts(1)
      first.delivery.dispose()
      return event
    }

    it('resends a stored event', async () => {
      await leaveInFlight()

      start()

      expect(await collector.waitForPosts(2)).to.have.length(2)
    })

    it('resends the original messageId', async () => {
      const event = await leaveInFlight()

      start()
      const [, resent] = await collector.waitForPosts(2)

      expect(resent?.body?.messageId).to.equal(event.messageId)
    })

    it('resends the original timestamp', async () => {
      const event = await leaveInFlight()

      start()
      const [, resent] = await collector.waitForPosts(2)

      expect(resent?.body?.timestamp).to.equal(event.timestamp)
    })

    it('changes only sentAt', async () => {
      await leaveInFlight()

      start()
      const [first, resent] = await collector.waitForPosts(2)

      expect({ ...resent?.body, sentAt: undefined }).to.deep.equal({
        ...first?.body,
        sentAt: undefined,
      })
    })

    it('reports the restored event delivered', async () => {
      const event = await leaveInFlight()

      const { delivered } = start()
      await waitUntil(() => delivered.length === 1)

      expect(delivered[0]?.messageId).to.equal(event.messageId)
    })

    it('waits out a stored backoff', async () => {
      clock = fakeClock(Date.now())
      const httpConfig = {
        backoffConfig: { baseBackoffInterval: 2, jitterPercent: 0 },
      }
      const first = start({ httpConfig })
      const event = makeEvent()
      collector.script({ status: 500 })
      first.delivery.enqueue(event)
      await waitUntil(
        () => storedRecord(event.messageId)?.retryAt !== undefined,
      )
      first.delivery.dispose()

      start({ httpConfig })
      await clock.tickAsync(1999)
      await realDelay(30)
      const early = collector.posts().length
      await clock.tickAsync(1)

      expect(early).to.equal(1)
      expect(await collector.waitForPosts(2)).to.have.length(2)
    })

    it('drops a stored event with no retries left', async () => {
      const event = makeEvent()
      const record = { event, attempts: 11, rateLimitedRetries: 0 }
      localStorage.setItem(queueStorageKey(WRITE_KEY), JSON.stringify([record]))

      const { dropped } = start()
      await realDelay(30)

      expect(dropped[0]?.reason).to.equal('retries_exhausted')
    })

    it('ignores a corrupt stored queue', async () => {
      localStorage.setItem(queueStorageKey(WRITE_KEY), '{not json')
      const { delivery, delivered } = start()

      delivery.enqueue(makeEvent())
      await delivery.flush()

      expect(delivered).to.have.length(1)
    })
  })

  describe('queue limit', () => {
    it('drops the oldest beyond the limit', async () => {
      const harness = createHarness({})
      harnesses.push(harness)
      const events = Array.from({ length: MAX_QUEUED_EVENTS + 1 }, () =>
        makeEvent(),
      )

      for (const event of events) harness.delivery.enqueue(event)
      await realDelay(0)

      expect(
        harness.dropped.map((notice) => [notice.reason, notice.messageId]),
      ).to.deep.equal([['buffer_full', events[0]!.messageId]])
    })
  })

  describe('without apiHost', () => {
    it('sends nothing', async () => {
      const { delivery } = start({ apiHost: undefined })

      delivery.enqueue(makeEvent())
      await delivery.flush()
      await realDelay(30)

      expect(collector.posts()).to.have.length(0)
    })

    it('keeps events stored', async () => {
      const { delivery } = start({ apiHost: undefined })
      const event = makeEvent()

      delivery.enqueue(event)
      await delivery.flush()

      expect(storedRecord(event.messageId)?.attempts).to.equal(0)
    })

    it('sends them on a load that names a host', async () => {
      const first = start({ apiHost: undefined })
      const event = makeEvent()
      first.delivery.enqueue(event)
      await first.delivery.flush()
      first.delivery.dispose()

      start()
      const [post] = await collector.waitForPosts(1)

      expect(post?.body?.messageId).to.equal(event.messageId)
    })
  })

  describe('broken storage', () => {
    it('delivers when storage throws', async () => {
      stubStorage({
        getItem: sinon.stub().throws(securityError()),
        setItem: sinon.stub().throws(securityError()),
      })
      const { delivery, delivered } = start()

      delivery.enqueue(makeEvent())
      await delivery.flush()

      expect(delivered).to.have.length(1)
    })

    it('notes the memory fallback in debug mode', async () => {
      stubStorage({ setItem: sinon.stub().throws(securityError()) })
      const harness = start()
      const debug = sinon.spy(harness.hooks.logger, 'debug')

      harness.delivery.enqueue(makeEvent())
      await harness.delivery.flush()

      expect(debug.calledWithMatch(sinon.match(/in memory/))).to.equal(true)
    })

    it('delivers when localStorage cannot be read', async () => {
      stubGlobal('localStorage').get(() => {
        throw securityError()
      })
      const { delivery, delivered } = start()

      delivery.enqueue(makeEvent())
      await delivery.flush()

      expect(delivered).to.have.length(1)
    })
  })

  describe('page closed with events in memory only', () => {
    function breakStorage(): void {
      stubStorage({
        getItem: sinon.stub().throws(securityError()),
        setItem: sinon.stub().throws(securityError()),
      })
    }

    it('reports what it could not send', async () => {
      breakStorage()
      const harness = createHarness({})
      harnesses.push(harness)
      const events = [makeEvent(), makeEvent()]

      for (const event of events) harness.delivery.enqueue(event)
      await realDelay(0)
      window.dispatchEvent(new Event('pagehide'))

      expect(
        harness.dropped.map((notice) => ({
          reason: notice.reason,
          messageId: notice.messageId,
          detail: notice.detail,
        })),
      ).to.deep.equal(
        events.map((event) => ({
          reason: 'page_closed',
          messageId: event.messageId,
          detail:
            'the page closed without localStorage while it could not send (offline, or no apiHost)',
        })),
      )
    })

    it('reports nothing when hidden only', async () => {
      breakStorage()
      const harness = createHarness({})
      harnesses.push(harness)

      harness.delivery.enqueue(makeEvent())
      await realDelay(0)
      sinon.stub(document, 'visibilityState').get(() => 'hidden')
      document.dispatchEvent(new Event('visibilitychange'))
      window.dispatchEvent(
        Object.assign(new Event('pagehide'), { persisted: true }),
      )

      expect(harness.dropped).to.deep.equal([])
    })

    it('reports nothing that storage keeps', async () => {
      const harness = createHarness({})
      harnesses.push(harness)

      harness.delivery.enqueue(makeEvent())
      await realDelay(0)
      window.dispatchEvent(new Event('pagehide'))

      expect(harness.dropped).to.deep.equal([])
      expect(readStored()).to.have.length(1)
    })

    it('sends by keepalive before reporting', async () => {
      breakStorage()
      const { delivery, dropped } = start({
        deliveryStrategy: { strategy: 'batching', config: { timeout: 60_000 } },
      })

      delivery.enqueue(makeEvent())
      await realDelay(0)
      window.dispatchEvent(new Event('pagehide'))

      expect(dropped).to.deep.equal([])
      expect(await collector.waitForPosts(1, 1000)).to.have.length(1)
    })
  })

  describe('full storage', () => {
    /** Characters of one stored record of `event`. */
    function recordLength(event: SegmentEvent | undefined): number {
      const record = { event, attempts: 0, rateLimitedRetries: 0 }
      return JSON.stringify([record]).length
    }

    /**
     * Makes localStorage reject values longer than `maxChars` characters.
     * Returns a function that counts the rejected writes.
     */
    function limitStorage(maxChars: number): () => number {
      const real = localStorage
      let rejected = 0
      stubStorage({
        setItem: (key, value) => {
          if (value.length > maxChars) {
            rejected += 1
            throw quotaError()
          }
          real.setItem(key, value)
        },
      })
      return () => rejected
    }

    it('still sends when nothing fits', async () => {
      limitStorage(0)
      const { delivery, delivered } = start()

      delivery.enqueue(makeEvent())
      await delivery.flush()

      expect(delivered).to.have.length(1)
    })

    it('drops nothing that it could send', async () => {
      limitStorage(0)
      const { delivery, dropped } = start()

      delivery.enqueue(makeEvent())
      await delivery.flush()

      expect(dropped).to.have.length(0)
    })

    it('sends a partial batch at once', async () => {
      limitStorage(0)
      const { delivery } = start({
        deliveryStrategy: { strategy: 'batching', config: { timeout: 60_000 } },
      })

      delivery.enqueue(makeEvent())

      expect(await collector.waitForPosts(1, 1000)).to.have.length(1)
    })

    it('keeps in memory what fails while it could be sent', async () => {
      limitStorage(0)
      collector.script({ status: 500 })
      const { delivery, dropped, delivered } = start({ httpConfig: FAST_RETRY })

      delivery.enqueue(makeEvent())
      await waitUntil(() => delivered.length + dropped.length > 0)

      expect(dropped).to.deep.equal([])
    })

    it('delivers what failed once', async () => {
      limitStorage(0)
      collector.script({ status: 500 })
      const { delivery, delivered } = start({ httpConfig: FAST_RETRY })

      delivery.enqueue(makeEvent())
      await waitUntil(() => delivered.length > 0)

      expect(delivered).to.have.length(1)
    })

    it('evicts the oldest when nothing can be sent', async () => {
      const events = [makeEvent(), makeEvent(), makeEvent()]
      const oneRecord = recordLength(events[0])
      limitStorage(oneRecord * 2 + 10)
      const { delivery, dropped } = start({ apiHost: undefined })

      events.forEach((event) => delivery.enqueue(event))
      await delivery.flush()

      expect(dropped.map((n) => [n.reason, n.messageId])).to.deep.equal([
        ['storage_full', events[0]?.messageId],
      ])
    })

    it('drops no stale stored event at exit', async () => {
      collector.script({ status: 500 })
      const event = makeEvent()
      // The record fits until the retry's schedule makes it longer.
      const rejected = limitStorage(recordLength(event))
      sinon.stub(navigator, 'sendBeacon').returns(false)
      const { delivery, dropped } = start({
        httpConfig: { backoffConfig: { baseBackoffInterval: 60 } },
      })

      delivery.enqueue(event)
      await waitUntil(() => rejected() > 0)
      window.dispatchEvent(new Event('pagehide'))

      expect(dropped).to.deep.equal([])
      expect(storedRecord(event.messageId)?.attempts).to.equal(1)
    })

    it('keeps the newest after eviction', async () => {
      const events = [makeEvent(), makeEvent(), makeEvent()]
      const oneRecord = recordLength(events[0])
      limitStorage(oneRecord * 2 + 10)
      const { delivery } = start({ apiHost: undefined })

      events.forEach((event) => delivery.enqueue(event))
      await delivery.flush()

      expect(readStored().map((r) => r.event.messageId)).to.deep.equal(
        events.slice(1).map((e) => e.messageId),
      )
    })
  })

  it('queues more than 1,000 events without dropping one', async () => {
    const { delivery, dropped } = start({ apiHost: undefined })

    for (let i = 0; i < 1200; i++) delivery.enqueue(makeEvent())
    await delivery.flush()

    expect(dropped).to.deep.equal([])
  })

  it('leaves other write keys alone', async () => {
    const otherKey = queueStorageKey('other-key')
    localStorage.setItem(otherKey, '[]')
    const { delivery } = start()

    delivery.enqueue(makeEvent())
    await delivery.flush()

    expect(localStorage.getItem(otherKey)).to.equal('[]')
  })
})
