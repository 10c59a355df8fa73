import { expect } from 'chai'
import sinon from 'sinon'
import type { ClickstreamSettings } from '../../../src/clickstream'
import {
  startFaultCollector,
  type FaultCollector,
} from '../../helpers/fault-collector'
import {
  createHarness,
  makeEvent,
  muteHttpErrorLines,
  readStored,
  realDelay,
  settleAndDispose,
  stubGlobal,
  storedRecord,
  waitUntil,
  type Harness,
} from './helpers'

const BATCHING: ClickstreamSettings = {
  deliveryStrategy: {
    strategy: 'batching',
    config: { size: 10, timeout: 60_000 },
  },
}

function batchOf(post: { body?: Record<string, unknown> } | undefined) {
  return (post?.body?.batch ?? []) as Array<Record<string, unknown>>
}

describe('clickstream delivery, page lifecycle', () => {
  let collector: FaultCollector
  let harness: Harness | undefined
  let online = true

  before(async () => {
    collector = await startFaultCollector()
  })
  after(() => collector.close())
  beforeEach(() => {
    muteHttpErrorLines()
    online = true
    sinon.stub(navigator, 'onLine').get(() => online)
  })
  afterEach(async () => {
    online = true
    await settleAndDispose(harness, collector)
    harness = undefined
    collector.reset()
    sinon.restore()
  })

  function start(settings: ClickstreamSettings = {}): Harness {
    harness = createHarness({
      apiHost: collector.apiHost,
      protocol: 'http',
      ...settings,
    })
    return harness
  }

  function goOnline(): void {
    online = true
    window.dispatchEvent(new Event('online'))
  }

  describe('offline', () => {
    it('sends nothing while offline', async () => {
      online = false
      const { delivery } = start()

      delivery.enqueue(makeEvent())
      await delivery.flush()
      await realDelay(30)

      expect(collector.posts()).to.have.length(0)
    })

    it('keeps events stored while offline', async () => {
      online = false
      const { delivery } = start()
      const event = makeEvent()

      delivery.enqueue(event)
      await delivery.flush()

      expect(storedRecord(event.messageId)).to.not.equal(undefined)
    })

    it('sends on the online event', async () => {
      online = false
      const { delivery, delivered } = start()
      delivery.enqueue(makeEvent())
      await delivery.flush()

      goOnline()
      await waitUntil(() => delivered.length === 1)

      expect(collector.posts()).to.have.length(1)
    })

    it('spends no attempt while offline', async () => {
      online = false
      const { delivery } = start()
      const event = makeEvent()
      delivery.enqueue(event)
      await delivery.flush()
      collector.script({ hang: true })

      goOnline()
      await collector.waitForPosts(1)
      // A first attempt's count reaches storage with the next lazy write.
      await waitUntil(() => storedRecord(event.messageId)?.attempts !== 0)

      expect(storedRecord(event.messageId)?.attempts).to.equal(1)
    })

    it('takes back an attempt cut by going offline', async () => {
      const { delivery } = start()
      const event = makeEvent()
      collector.script({ hang: true })
      delivery.enqueue(event)
      await collector.waitForPosts(1)

      online = false
      collector.release({ reset: true })
      await waitUntil(() => storedRecord(event.messageId)?.attempts === 0)

      expect(storedRecord(event.messageId)?.retryAt).to.equal(undefined)
    })
  })

  describe('page exit', () => {
    /** Queues two events in a batch that would wait a minute. */
    async function queueTwo(): Promise<void> {
      const { delivery } = start(BATCHING)
      delivery.enqueue(makeEvent())
      delivery.enqueue(makeEvent())
      // Lets the engine store them, which happens once per task.
      await realDelay(10)
    }

    function pageHide(): void {
      window.dispatchEvent(new Event('pagehide'))
    }

    function setVisibility(state: DocumentVisibilityState): void {
      sinon.stub(document, 'visibilityState').get(() => state)
      document.dispatchEvent(new Event('visibilitychange'))
    }

    it('sends a pending batch on pagehide', async () => {
      await queueTwo()
      pageHide()

      const [post] = await collector.waitForPosts(1)

      expect(batchOf(post)).to.have.length(2)
    })

    it('sends a pending batch when hidden', async () => {
      await queueTwo()
      setVisibility('hidden')

      const [post] = await collector.waitForPosts(1)

      expect(batchOf(post)).to.have.length(2)
    })

    it('ignores becoming visible', async () => {
      await queueTwo()
      setVisibility('visible')
      await realDelay(50)

      expect(collector.posts()).to.have.length(0)
    })

    it('keeps beaconed events stored', async () => {
      await queueTwo()
      pageHide()
      await collector.waitForPosts(1)

      expect(readStored()).to.have.length(2)
    })

    it('stays within 64 KB', async () => {
      const { delivery } = start(BATCHING)
      const blob = 'x'.repeat(20 * 1024)
      for (let i = 0; i < 4; i++)
        delivery.enqueue(makeEvent({ properties: { blob } }))
      await realDelay(10)

      pageHide()
      const [post] = await collector.waitForPosts(1)
      await realDelay(50)

      expect(Buffer.byteLength(post?.rawBody ?? '')).to.be.at.most(64 * 1024)
      expect(collector.posts()).to.have.length(1)
    })

    it('sends nothing on exit while offline', async () => {
      online = false
      await queueTwo()
      pageHide()
      await realDelay(50)

      expect(collector.posts()).to.have.length(0)
    })

    it('stops listening after dispose', async () => {
      await queueTwo()
      harness?.delivery.dispose()

      pageHide()
      await realDelay(50)

      expect(collector.posts()).to.have.length(0)
    })

    describe('with fetch keepalive', () => {
      /** Makes the engine see a browser whose fetch honours keepalive. */
      function supportKeepalive(): sinon.SinonSpy {
        class KeepaliveRequest {
          readonly keepalive = true
        }
        stubGlobal('Request').value(KeepaliveRequest)
        return sinon.spy(globalThis, 'fetch')
      }

      it('sends with keepalive', async () => {
        const fetchSpy = supportKeepalive()

        await queueTwo()
        pageHide()
        await collector.waitForPosts(1)

        expect(fetchSpy.firstCall.args[1]?.keepalive).to.equal(true)
      })

      it('removes the events once acknowledged', async () => {
        supportKeepalive()

        await queueTwo()
        pageHide()
        await waitUntil(() => harness?.delivered.length === 2)
        // Removals reach storage with the next lazy write, about 1 s later.
        await waitUntil(() => readStored().length === 0)

        expect(readStored()).to.deep.equal([])
      })
    })
  })

  describe('flush', () => {
    it('settles at once when idle', async () => {
      const { delivery } = start()

      await delivery.flush()

      expect(collector.posts()).to.have.length(0)
    })

    it('waits for requests in flight', async () => {
      const { delivery, delivered } = start()
      collector.script({ delayMs: 150 })

      delivery.enqueue(makeEvent())
      await delivery.flush()

      expect(delivered).to.have.length(1)
    })

    it('settles after dispose', async () => {
      const { delivery } = start()
      collector.script({ hang: true })
      delivery.enqueue(makeEvent())
      await collector.waitForPosts(1)
      const flushed = delivery.flush()

      delivery.dispose()

      expect(await flushed).to.equal(undefined)
    })
  })
})
