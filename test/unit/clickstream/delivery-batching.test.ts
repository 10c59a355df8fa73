import { expect } from 'chai'
import sinon from 'sinon'
import type { DeliveryStrategy, HttpConfig } from '../../../src/clickstream'
import {
  startFaultCollector,
  type FaultCollector,
} from '../../helpers/fault-collector'
import {
  WRITE_KEY,
  createHarness,
  fakeClock,
  makeEvent,
  muteHttpErrorLines,
  realDelay,
  settleAndDispose,
  waitUntil,
  type Harness,
} from './helpers'

function batchOf(post: { body?: Record<string, unknown> } | undefined) {
  return (post?.body?.batch ?? []) as Array<Record<string, unknown>>
}

describe('clickstream delivery, batching strategy', () => {
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

  function start(
    config: DeliveryStrategy['config'] = {},
    apiKey?: string,
    httpConfig?: HttpConfig,
  ): Harness {
    harness = createHarness({
      apiHost: collector.apiHost,
      protocol: 'http',
      apiKey,
      deliveryStrategy: { strategy: 'batching', config },
      httpConfig,
    })
    return harness
  }

  it('posts a full batch to /b', async () => {
    const { delivery } = start({ size: 3 })

    for (let i = 0; i < 3; i++) delivery.enqueue(makeEvent())
    const [post] = await collector.waitForPosts(1)

    expect(post?.path).to.equal('/b')
  })

  it('puts size events in a batch', async () => {
    const { delivery } = start({ size: 3 })

    for (let i = 0; i < 3; i++) delivery.enqueue(makeEvent())
    const [post] = await collector.waitForPosts(1)

    expect(batchOf(post)).to.have.length(3)
  })

  it('sends the events unchanged', async () => {
    const { delivery } = start({ size: 2 })
    const events = [makeEvent(), makeEvent()]

    events.forEach((event) => delivery.enqueue(event))
    const [post] = await collector.waitForPosts(1)

    expect(batchOf(post)).to.deep.equal(events)
  })

  it('sets writeKey on the batch', async () => {
    const { delivery } = start({ size: 1 })

    delivery.enqueue(makeEvent())
    const [post] = await collector.waitForPosts(1)

    expect(post?.body?.writeKey).to.equal(WRITE_KEY)
  })

  it('sets apiKey on the batch', async () => {
    const { delivery } = start({ size: 1 }, 'api-key-2')

    delivery.enqueue(makeEvent())
    const [post] = await collector.waitForPosts(1)

    expect(post?.body?.writeKey).to.equal('api-key-2')
  })

  it('sets sentAt on the batch', async () => {
    const { delivery } = start({ size: 1 })

    delivery.enqueue(makeEvent())
    const [post] = await collector.waitForPosts(1)

    expect(Number.isNaN(Date.parse(String(post?.body?.sentAt)))).to.equal(false)
  })

  it('holds a partial batch until the timeout', async () => {
    clock = fakeClock(Date.now())
    const { delivery } = start({ size: 10, timeout: 2000 })

    delivery.enqueue(makeEvent())
    delivery.enqueue(makeEvent())
    await clock.tickAsync(1999)
    await realDelay(30)

    expect(collector.posts()).to.have.length(0)
  })

  it('sends a partial batch at the timeout', async () => {
    clock = fakeClock(Date.now())
    const { delivery } = start({ size: 10, timeout: 2000 })

    delivery.enqueue(makeEvent())
    delivery.enqueue(makeEvent())
    await clock.tickAsync(2000)
    const [post] = await collector.waitForPosts(1)

    expect(batchOf(post)).to.have.length(2)
  })

  it('times a batch from its first event', async () => {
    clock = fakeClock(Date.now())
    const { delivery } = start({ size: 10, timeout: 2000 })

    delivery.enqueue(makeEvent())
    await clock.tickAsync(1500)
    delivery.enqueue(makeEvent())
    await clock.tickAsync(500)
    const [post] = await collector.waitForPosts(1)

    expect(batchOf(post)).to.have.length(2)
  })

  it('sends a partial batch on flush', async () => {
    const { delivery } = start({ size: 10, timeout: 60_000 })

    delivery.enqueue(makeEvent())
    await delivery.flush()

    expect(collector.posts()).to.have.length(1)
  })

  it('splits a backlog into batches of size', async () => {
    const { delivery, delivered } = start({ size: 4 })

    for (let i = 0; i < 10; i++) delivery.enqueue(makeEvent())
    await delivery.flush()

    expect(collector.posts().map((post) => batchOf(post).length)).to.deep.equal(
      [4, 4, 2],
    )
    expect(delivered).to.have.length(10)
  })

  it('keeps each batch under 500 KB', async () => {
    const { delivery } = start({ size: 100 })
    const blob = 'x'.repeat(30 * 1024)

    for (let i = 0; i < 20; i++)
      delivery.enqueue(makeEvent({ properties: { blob } }))
    await delivery.flush()
    const sizes = collector
      .posts()
      .map((post) => Buffer.byteLength(post.rawBody))

    expect(Math.max(...sizes)).to.be.below(500 * 1024)
  })

  it('sends every event of a large backlog', async () => {
    const { delivery, delivered } = start({ size: 100 })
    const blob = 'x'.repeat(30 * 1024)

    for (let i = 0; i < 20; i++)
      delivery.enqueue(makeEvent({ properties: { blob } }))
    await delivery.flush()

    expect(delivered).to.have.length(20)
  })

  describe('413', () => {
    it('resends a rejected batch in halves', async () => {
      const { delivery } = start({ size: 4 })
      collector.script({ status: 413 })

      for (let i = 0; i < 4; i++) delivery.enqueue(makeEvent())
      await waitUntil(() => collector.posts().length === 3)

      expect(
        collector.posts().map((post) => batchOf(post).length),
      ).to.deep.equal([4, 2, 2])
    })

    it('delivers every event after a split', async () => {
      const { delivery, delivered } = start({ size: 4 })
      collector.script({ status: 413 })

      for (let i = 0; i < 4; i++) delivery.enqueue(makeEvent())
      await waitUntil(() => delivered.length === 4)

      expect(delivered).to.have.length(4)
    })

    it('halves again until one event is left', async () => {
      const { delivery, dropped } = start({ size: 2 })
      collector.script({ status: 413 }, { status: 413 })

      delivery.enqueue(makeEvent())
      delivery.enqueue(makeEvent())
      await waitUntil(() => dropped.length === 1)

      expect(dropped[0]?.reason).to.equal('event_too_large')
    })

    it('reports 413 with a lone event', async () => {
      const { delivery, dropped } = start({ size: 1 })
      collector.script({ status: 413 })

      delivery.enqueue(makeEvent())
      await waitUntil(() => dropped.length === 1)

      expect(dropped[0]?.status).to.equal(413)
    })

    it('does not count a split as an attempt', async () => {
      const { delivery, delivered } = start({ size: 2 }, undefined, {
        backoffConfig: { maxRetryCount: 0 },
      })
      collector.script({ status: 413 })

      delivery.enqueue(makeEvent())
      delivery.enqueue(makeEvent())
      await waitUntil(() => delivered.length === 2)

      expect(collector.posts()).to.have.length(3)
    })
  })
})
