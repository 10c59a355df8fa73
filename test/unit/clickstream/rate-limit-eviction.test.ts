import { expect } from 'chai'
import sinon from 'sinon'
import { MAX_QUEUED_EVENTS } from '../../../src/clickstream/delivery'
import {
  startFaultCollector,
  type FaultCollector,
} from '../../helpers/fault-collector'
import {
  FAST_RETRY,
  createHarness,
  fakeClock,
  makeEvent,
  muteHttpErrorLines,
  settleAndDispose,
  storedRecord,
  waitUntil,
  type Harness,
} from './helpers'

// A rate limit pauses every request until its time runs out. Only events
// due later arm a wake-up, so when the queue cap evicts the rate-limited
// event, the end of the pause must still wake the queue.
describe('clickstream delivery, a rate limit whose event was evicted', () => {
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

  it('sends again when the pause ends, without a new call', async function () {
    this.timeout(30_000)
    clock = fakeClock(Date.now())
    harness = createHarness({
      apiHost: collector.apiHost,
      protocol: 'http',
      httpConfig: FAST_RETRY,
    })
    const { delivery, dropped } = harness
    const limited = makeEvent()
    collector.script({ status: 429, headers: { 'Retry-After': '2' } })
    delivery.enqueue(limited)
    await collector.waitForPosts(1)
    await waitUntil(
      () => storedRecord(limited.messageId)?.retryAt !== undefined,
    )

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
})
