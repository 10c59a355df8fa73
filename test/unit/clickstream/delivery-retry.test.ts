import { expect } from 'chai'
import sinon from 'sinon'
import type { HttpConfig } from '../../../src/clickstream'
import { MAX_QUEUED_EVENTS } from '../../../src/clickstream/delivery'
import {
  startFaultCollector,
  type FaultCollector,
  type ScriptedReply,
} from '../../helpers/fault-collector'
import {
  FAST_RETRY,
  createHarness,
  fakeClock,
  makeEvent,
  muteHttpErrorLines,
  readStored,
  realDelay,
  sentAtOf,
  settleAndDispose,
  storedRecord,
  tickToRetry,
  waitUntil,
  type Harness,
} from './helpers'

describe('clickstream delivery, retries', () => {
  let collector: FaultCollector
  let harness: Harness | undefined
  let clock: sinon.SinonFakeTimers | undefined

  before(async () => {
    collector = await startFaultCollector()
  })
  after(() => collector.close())
  beforeEach(() => muteHttpErrorLines())
  afterEach(async () => {
    clock?.restore()
    clock = undefined
    await settleAndDispose(harness, collector)
    harness = undefined
    collector.reset()
    sinon.restore()
  })

  function start(httpConfig: HttpConfig = FAST_RETRY): Harness {
    harness = createHarness({
      apiHost: collector.apiHost,
      protocol: 'http',
      httpConfig,
    })
    return harness
  }

  /** Sends one event that gets `reply` first, and resolves once it was posted. */
  async function sendAnswered(reply: ScriptedReply, httpConfig?: HttpConfig) {
    const { delivery } = start(httpConfig)
    const event = makeEvent()
    collector.script(reply)
    delivery.enqueue(event)
    await collector.waitForPosts(1)
    return event
  }

  describe('call time', () => {
    const slowRetry = {
      backoffConfig: { baseBackoffInterval: 5, jitterPercent: 0 },
    }

    async function retryAfterFiveSeconds() {
      clock = fakeClock(new Date('2024-01-01T00:00:00.000Z'))
      const event = await sendAnswered({ status: 500 }, slowRetry)
      await tickToRetry(clock, event.messageId, 1)
      return collector.waitForPosts(2)
    }

    it('keeps the first timestamp', async () => {
      const [first] = await retryAfterFiveSeconds()

      expect(first?.body?.timestamp).to.equal('2024-01-01T00:00:00.000Z')
    })

    it('keeps the retried timestamp', async () => {
      const [, second] = await retryAfterFiveSeconds()

      expect(second?.body?.timestamp).to.equal('2024-01-01T00:00:00.000Z')
    })

    it('keeps the messageId', async () => {
      const [first, second] = await retryAfterFiveSeconds()

      expect(second?.body?.messageId).to.equal(first?.body?.messageId)
    })

    it('stamps the first sentAt', async () => {
      const [first] = await retryAfterFiveSeconds()

      expect(first?.body?.sentAt).to.equal('2024-01-01T00:00:00.000Z')
    })

    it('stamps the retry sentAt', async () => {
      const [, second] = await retryAfterFiveSeconds()

      expect(second?.body?.sentAt).to.equal('2024-01-01T00:00:05.000Z')
    })
  })

  describe('server errors', () => {
    it('retries a 500', async () => {
      const { delivery, delivered } = start()
      collector.script({ status: 500 }, { status: 200 })

      delivery.enqueue(makeEvent())
      await waitUntil(() => delivered.length === 1)

      expect(collector.posts()).to.have.length(2)
    })

    it('reports a retried event delivered once', async () => {
      const { delivery, delivered } = start()
      collector.script({ status: 500 }, { status: 200 })

      delivery.enqueue(makeEvent())
      await waitUntil(() => delivered.length === 1)
      await realDelay(150)

      expect(delivered).to.have.length(1)
    })

    it('retries a reset connection', async () => {
      const { delivery, delivered } = start()
      collector.script({ reset: true }, { status: 200 })

      delivery.enqueue(makeEvent())
      await waitUntil(() => delivered.length === 1)

      expect(collector.posts()).to.have.length(2)
    })

    it('retries a timed-out request', async () => {
      clock = fakeClock(Date.now())
      const event = await sendAnswered(
        { hang: true },
        { ...FAST_RETRY, requestTimeout: 1000 },
      )

      await clock.tickAsync(1000)
      await tickToRetry(clock, event.messageId, 1)

      expect(await collector.waitForPosts(2)).to.have.length(2)
    })

    it('retries a 400 when overridden', async () => {
      const { delivery, delivered } = start({
        ...FAST_RETRY,
        backoffConfig: {
          ...FAST_RETRY.backoffConfig,
          statusCodeOverrides: { '400': 'retry' },
        },
      })
      collector.script({ status: 400 }, { status: 200 })

      delivery.enqueue(makeEvent())
      await waitUntil(() => delivered.length === 1)

      expect(collector.posts()).to.have.length(2)
    })
  })

  describe('rejections', () => {
    async function rejectWith(status: number) {
      const { delivery, dropped } = start()
      collector.script({ status })
      delivery.enqueue(makeEvent())
      await delivery.flush()
      await realDelay(150)
      return dropped
    }

    it('sends a 400 once', async () => {
      await rejectWith(400)

      expect(collector.posts()).to.have.length(1)
    })

    it('reports a 400 as rejected', async () => {
      const [notice] = await rejectWith(400)

      expect(notice?.reason).to.equal('rejected')
    })

    it('reports the status of a rejection', async () => {
      const [notice] = await rejectWith(400)

      expect(notice?.status).to.equal(400)
    })

    it('reports the rejected messageId', async () => {
      const [notice] = await rejectWith(400)

      expect(notice?.messageId).to.equal(notice?.event.messageId)
    })

    it('drops a 501', async () => {
      const [notice] = await rejectWith(501)

      expect(notice?.status).to.equal(501)
    })

    it('removes a rejected event from storage', async () => {
      await rejectWith(400)

      expect(readStored()).to.deep.equal([])
    })
  })

  describe('rate limits', () => {
    /**
     * Starts a delivery and sends one event that gets a 429 with
     * `Retry-After: seconds`. Resolves once the pause is stored.
     */
    async function startRateLimited(seconds: string) {
      const harness = start()
      const limited = makeEvent()
      collector.script({ status: 429, headers: { 'Retry-After': seconds } })
      harness.delivery.enqueue(limited)
      await collector.waitForPosts(1)
      await waitUntil(
        () => storedRecord(limited.messageId)?.retryAt !== undefined,
      )
      return { ...harness, limited }
    }

    async function expectNoRetryBefore(wait: number, messageId: string) {
      const active = clock as sinon.SinonFakeTimers
      await waitUntil(() => storedRecord(messageId)?.retryAt !== undefined)
      await active.tickAsync(wait - 1)
      await realDelay(30)
      const early = collector.posts().length
      await active.tickAsync(1)
      await collector.waitForPosts(2)
      return early
    }

    it('waits for Retry-After seconds', async () => {
      clock = fakeClock(Date.now())
      const event = await sendAnswered({
        status: 429,
        headers: { 'Retry-After': '1' },
      })

      expect(await expectNoRetryBefore(1000, event.messageId)).to.equal(1)
    })

    it('sends after Retry-After', async () => {
      clock = fakeClock(Date.now())
      const event = await sendAnswered({
        status: 429,
        headers: { 'Retry-After': '1' },
      })
      await expectNoRetryBefore(1000, event.messageId)
      const [first, second] = collector.posts()

      expect(sentAtOf(second?.body) - sentAtOf(first?.body)).to.be.at.least(
        1000,
      )
    })

    // Only events due later arm a wake-up, so when the queue cap evicts the
    // rate-limited event, the end of the pause must still wake the queue.
    it('resumes after a pause whose event was evicted', async function () {
      this.timeout(30_000)
      clock = fakeClock(Date.now())
      const { delivery, dropped, limited } = await startRateLimited('2')

      for (let i = 0; i < MAX_QUEUED_EVENTS; i++) delivery.enqueue(makeEvent())
      await clock.tickAsync(10)
      const evicted = dropped.find(
        (notice) => notice.event?.messageId === limited.messageId,
      )
      const postsDuringPause = collector.posts().length
      await clock.tickAsync(2_500)
      await collector.waitForPosts(2)

      expect(evicted?.reason).to.equal('buffer_full')
      expect(postsDuringPause).to.equal(1)
      expect(collector.posts().length).to.be.greaterThan(1)
    })

    it('pauses every event on a 429', async () => {
      clock = fakeClock(Date.now())
      const { delivery, limited } = await startRateLimited('2')

      const later = makeEvent()
      delivery.enqueue(later)
      await clock.tickAsync(1_000)
      await realDelay(30)
      const duringPause = collector.posts().length
      await clock.tickAsync(1_000)
      await collector.waitForPosts(3)
      const resent = collector.posts().slice(1)

      expect(duringPause).to.equal(1)
      expect(
        resent.map((post) => post.body?.messageId as string).sort(),
      ).to.deep.equal([limited.messageId, later.messageId].sort())
    })

    it('settles flush while paused', async () => {
      clock = fakeClock(Date.now())
      const { delivery } = await startRateLimited('60')

      delivery.enqueue(makeEvent())
      let settled = false
      void delivery.flush().then(() => (settled = true))
      await clock.tickAsync(10)
      await realDelay(30)

      expect(settled).to.equal(true)
      expect(collector.posts()).to.have.length(1)
      expect(readStored()).to.have.length(2)
    })

    it('keeps the pause when the page hides', async () => {
      clock = fakeClock(Date.now())
      const { delivery } = await startRateLimited('60')

      delivery.enqueue(makeEvent())
      await clock.tickAsync(10)
      sinon.stub(document, 'visibilityState').get(() => 'hidden')
      document.dispatchEvent(new Event('visibilitychange'))
      await realDelay(30)

      expect(collector.posts()).to.have.length(1)
      expect(readStored()).to.have.length(2)
    })

    it('waits for x-ratelimit-reset seconds', async () => {
      clock = fakeClock(Date.now())
      const headers = { 'x-ratelimit-reset': '1' }
      const event = await sendAnswered({ status: 429, headers })

      expect(await expectNoRetryBefore(1000, event.messageId)).to.equal(1)
    })

    it('waits for x-ratelimit-reset epoch seconds', async () => {
      clock = fakeClock(new Date('2024-01-01T00:00:00.000Z'))
      const reset = String(Date.now() / 1000 + 2)
      const headers = { 'x-ratelimit-reset': reset }
      const event = await sendAnswered({ status: 429, headers })

      expect(await expectNoRetryBefore(2000, event.messageId)).to.equal(1)
    })

    it('waits for a Retry-After date', async () => {
      clock = fakeClock(new Date('2024-01-01T00:00:00.000Z'))
      const headers = { 'Retry-After': 'Mon, 01 Jan 2024 00:00:03 GMT' }
      const event = await sendAnswered({ status: 503, headers })

      expect(await expectNoRetryBefore(3000, event.messageId)).to.equal(1)
    })

    it('caps Retry-After at maxRetryInterval', async () => {
      clock = fakeClock(Date.now())
      const headers = { 'Retry-After': '86400' }
      const event = await sendAnswered(
        { status: 429, headers },
        { rateLimitConfig: { maxRetryInterval: 2 } },
      )

      const wait = await tickToRetry(clock, event.messageId, 1)

      expect(wait).to.equal(2000)
    })
  })

  describe('retry budget', () => {
    /** Replies to every POST with `reply` and follows each retry until the drop. */
    async function runUntilDropped(
      reply: ScriptedReply,
      httpConfig: HttpConfig,
    ) {
      clock = fakeClock(new Date('2024-01-01T00:00:00.000Z'))
      const { delivery, dropped } = start(httpConfig)
      const event = makeEvent()
      collector.setDefault(reply)
      delivery.enqueue(event)

      for (let attempt = 1; attempt <= 20 && dropped.length === 0; attempt++) {
        await collector.waitForPosts(attempt)
        await waitUntil(
          () =>
            dropped.length > 0 ||
            storedRecord(event.messageId)?.retryAt !== undefined,
        )
        if (dropped.length === 0)
          await tickToRetry(clock, event.messageId, attempt)
      }
      await clock.tickAsync(10 * 60_000)
      await realDelay(30)
      return dropped
    }

    const threeRetries = { backoffConfig: { maxRetryCount: 3 } }

    it('stops after maxRetryCount retries', async () => {
      await runUntilDropped({ status: 500 }, threeRetries)

      expect(collector.posts()).to.have.length(4)
    })

    it('reports retries_exhausted', async () => {
      const [notice] = await runUntilDropped({ status: 500 }, threeRetries)

      expect(notice?.reason).to.equal('retries_exhausted')
    })

    it('reports the last status', async () => {
      const [notice] = await runUntilDropped({ status: 500 }, threeRetries)

      expect(notice?.status).to.equal(500)
    })

    it('waits longer before each retry', async () => {
      await runUntilDropped({ status: 500 }, threeRetries)
      const sent = collector.posts().map((post) => sentAtOf(post.body))
      const waits = sent.slice(1).map((time, i) => time - (sent[i] ?? 0))

      expect(waits).to.deep.equal([...waits].sort((a, b) => a - b))
    })

    it('never repeats a wait', async () => {
      await runUntilDropped({ status: 500 }, threeRetries)
      const sent = collector.posts().map((post) => sentAtOf(post.body))
      const waits = sent.slice(1).map((time, i) => time - (sent[i] ?? 0))

      expect(new Set(waits).size).to.equal(3)
    })

    it('sends once with no retries', async () => {
      await runUntilDropped(
        { status: 500 },
        { backoffConfig: { maxRetryCount: 0 } },
      )

      expect(collector.posts()).to.have.length(1)
    })

    it('limits rate-limited retries', async () => {
      await runUntilDropped(
        { status: 429, headers: { 'Retry-After': '1' } },
        { rateLimitConfig: { maxRetryCount: 2 } },
      )

      expect(collector.posts()).to.have.length(3)
    })

    it('keeps rate limits off the backoff budget', async () => {
      const { delivery, delivered } = start({
        backoffConfig: { maxRetryCount: 1, baseBackoffInterval: 0.1 },
      })
      collector.script(
        { status: 429, headers: { 'Retry-After': '0' } },
        { status: 500 },
        { status: 200 },
      )

      delivery.enqueue(makeEvent())
      await waitUntil(() => delivered.length === 1)

      expect(collector.posts()).to.have.length(3)
    })
  })

  describe('flush', () => {
    it('settles while a retry waits', async () => {
      const event = await sendAnswered(
        { status: 500 },
        { backoffConfig: { baseBackoffInterval: 60 } },
      )

      await harness?.delivery.flush()

      expect(storedRecord(event.messageId)?.retryAt).to.be.a('number')
    })

    it('stops retrying after dispose', async () => {
      clock = fakeClock(Date.now())
      const event = await sendAnswered({ status: 500 })
      await waitUntil(
        () => storedRecord(event.messageId)?.retryAt !== undefined,
      )

      harness?.delivery.dispose()
      await clock.tickAsync(60_000)
      await realDelay(30)

      expect(collector.posts()).to.have.length(1)
    })
  })
})
