import { expect } from 'chai'
import sinon from 'sinon'
import {
  CHECK_INTERVAL_MS,
  CLAIM_SETTLE_MS,
  claimKey,
  createOwnership,
  LEASE_MS,
  leaseKey,
  type Ownership,
} from '../../../src/clickstream/ownership'
import { createLogger } from '../../../src/debug'
import { FakeLocks } from './fake-locks'
import { WRITE_KEY, fakeClock, realDelay } from './helpers'

describe('ownership of stored events', () => {
  const logger = createLogger('test')
  const created: Ownership[] = []
  let clock: sinon.SinonFakeTimers | undefined

  function own(id: string, onCheck: () => void = () => undefined): Ownership {
    const ownership = createOwnership(WRITE_KEY, id, true, { logger, onCheck })
    created.push(ownership)
    return ownership
  }

  afterEach(() => {
    for (const ownership of created.splice(0)) ownership.dispose()
    clock?.restore()
    clock = undefined
    sinon.restore()
  })

  describe('with a lease in storage', () => {
    it('writes a lease that lasts LEASE_MS', () => {
      clock = fakeClock(1_000_000)

      own('page-a')

      const lease = localStorage.getItem(leaseKey(WRITE_KEY, 'page-a'))
      expect(Number(lease)).to.equal(1_000_000 + LEASE_MS)
    })

    it('takes over at once when no other page holds a lease', () => {
      const take = sinon.spy()

      own('page-a').claim('gone', take)

      expect(take.calledOnce).to.equal(true)
    })

    it('takes over events stored without an owner', () => {
      const take = sinon.spy()

      own('page-a').claim(undefined, take)

      expect(take.calledOnce).to.equal(true)
    })

    it('leaves the events of a page whose lease lasts', () => {
      own('page-b')
      const take = sinon.spy()

      own('page-a').claim('page-b', take)

      expect(take.called).to.equal(false)
    })

    it('takes over once the lease lapsed', async () => {
      clock = fakeClock(1_000_000)
      const lasting = String(Date.now() + 1000)
      localStorage.setItem(leaseKey(WRITE_KEY, 'crashed'), lasting)
      const take = sinon.spy()
      const page = own('page-a')
      page.claim('crashed', take)

      await clock.tickAsync(1001)
      page.claim('crashed', take)

      expect(take.calledOnce).to.equal(true)
    })

    it('takes over only after its claim stood while others live', async () => {
      clock = fakeClock(1_000_000)
      own('page-b')
      const take = sinon.spy()

      own('page-a').claim('gone', take)
      const before = take.called
      await clock.tickAsync(CLAIM_SETTLE_MS)

      expect([before, take.calledOnce]).to.deep.equal([false, true])
    })

    it('yields to the claim of another live page', async () => {
      clock = fakeClock(1_000_000)
      own('page-b')
      const claim = `page-b ${Date.now() + 1000}`
      localStorage.setItem(claimKey(WRITE_KEY), claim)
      const take = sinon.spy()

      own('page-a').claim('gone', take)
      await clock.tickAsync(CLAIM_SETTLE_MS * 3)

      expect(take.called).to.equal(false)
    })

    it('renews its lease at each check', async () => {
      clock = fakeClock(1_000_000)
      own('page-a')

      await clock.tickAsync(CHECK_INTERVAL_MS)

      const lease = localStorage.getItem(leaseKey(WRITE_KEY, 'page-a'))
      expect(Number(lease)).to.equal(Date.now() + LEASE_MS)
    })

    it('calls onCheck every CHECK_INTERVAL_MS', async () => {
      clock = fakeClock(1_000_000)
      const onCheck = sinon.spy()
      own('page-a', onCheck)

      await clock.tickAsync(CHECK_INTERVAL_MS * 2)

      expect(onCheck.callCount).to.equal(2)
    })

    it('removes leases that lapsed', async () => {
      clock = fakeClock(1_000_000)
      const lapsed = String(Date.now() - 1)
      localStorage.setItem(leaseKey(WRITE_KEY, 'crashed'), lapsed)
      own('page-a')

      await clock.tickAsync(CHECK_INTERVAL_MS)

      expect(localStorage.getItem(leaseKey(WRITE_KEY, 'crashed'))).to.equal(
        null,
      )
    })

    it('gives its lease up on release', () => {
      own('page-a').release()

      expect(localStorage.getItem(leaseKey(WRITE_KEY, 'page-a'))).to.equal(null)
    })

    it('renews no lease after release', async () => {
      clock = fakeClock(1_000_000)
      own('page-a').release()

      await clock.tickAsync(CHECK_INTERVAL_MS)

      expect(localStorage.getItem(leaseKey(WRITE_KEY, 'page-a'))).to.equal(null)
    })
  })

  describe('with Web Locks', () => {
    let locks: FakeLocks

    beforeEach(() => {
      locks = new FakeLocks()
      sinon.stub(navigator, 'locks').get(() => locks)
    })

    it('holds a lock named after the page', () => {
      own('page-a')

      expect(locks.heldNames()).to.include(
        `clickstream:${WRITE_KEY}:owner:page-a`,
      )
    })

    it('writes no lease', () => {
      own('page-a')

      expect(localStorage.getItem(leaseKey(WRITE_KEY, 'page-a'))).to.equal(null)
    })

    it('takes over the events of a page that holds no lock', async () => {
      clock = fakeClock(1_000_000)
      const take = sinon.spy()

      own('page-a').claim('gone', take)
      await clock.tickAsync(CLAIM_SETTLE_MS)

      expect(take.calledOnce).to.equal(true)
    })

    it('leaves the events of a page that holds its lock', async () => {
      clock = fakeClock(1_000_000)
      own('page-b')
      const take = sinon.spy()

      own('page-a').claim('page-b', take)
      await clock.tickAsync(CLAIM_SETTLE_MS * 3)

      expect(take.called).to.equal(false)
    })

    it('takes over as soon as that page goes away', async () => {
      clock = fakeClock(1_000_000)
      const other = own('page-b')
      const take = sinon.spy()
      own('page-a').claim('page-b', take)

      other.dispose()
      await clock.tickAsync(CLAIM_SETTLE_MS)

      expect(take.calledOnce).to.equal(true)
    })

    it('takes over once, however often it claims', async () => {
      clock = fakeClock(1_000_000)
      const page = own('page-a')
      const take = sinon.spy()

      page.claim('gone', take)
      page.claim('gone', take)
      await clock.tickAsync(CLAIM_SETTLE_MS * 3)

      expect(take.calledOnce).to.equal(true)
    })

    it('lets one page at a time take over a queue', async () => {
      clock = fakeClock(1_000_000)
      const take = sinon.spy()

      own('page-a').claim('gone', take)
      own('page-b').claim('gone', take)
      await clock.tickAsync(CLAIM_SETTLE_MS)

      expect(take.calledOnce).to.equal(true)
    })

    it('gives its lock up on release', async () => {
      own('page-a').release()
      await realDelay(0)

      expect(locks.heldNames()).to.deep.equal([])
    })

    it('stops waiting for locks when disposed', async () => {
      own('page-b')
      const page = own('page-a')
      page.claim('page-b', () => undefined)

      page.dispose()
      await Promise.resolve()

      expect(locks.waitingNames()).to.deep.equal([])
    })
  })

  it('shares nothing when the queue lives in memory', () => {
    const take = sinon.spy()
    const ownership = createOwnership(WRITE_KEY, 'page-a', false, {
      logger,
      onCheck: () => undefined,
    })
    created.push(ownership)

    ownership.claim('page-b', take)

    expect(take.calledOnce).to.equal(true)
  })
})
