import { expect } from 'chai'
import sinon from 'sinon'
import { createLogger } from '../../../src/debug'
import {
  createQueueStore,
  isQuotaError,
  listStoredQueues,
  pageQueueKey,
  queueStorageKey,
  takeStoredQueue,
  type StoredEvent,
} from '../../../src/clickstream/queue-store'
import {
  WRITE_KEY,
  makeEvent,
  quotaError,
  readStored,
  securityError,
  stubGlobal,
  stubStorage,
} from './helpers'

function record(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    event: makeEvent(),
    attempts: 0,
    rateLimitedRetries: 0,
    ...overrides,
  }
}

describe('queue store', () => {
  const logger = createLogger('test')

  afterEach(() => sinon.restore())

  it('writes records under the write key', () => {
    const store = createQueueStore(WRITE_KEY, logger)
    const stored = record()
    store.put(stored)
    store.write()

    expect(readStored()).to.deep.equal([stored])
  })

  it('reads back what an earlier store wrote', () => {
    const first = createQueueStore(WRITE_KEY, logger)
    const stored = record({ attempts: 2 })
    first.put(stored)
    first.write()

    expect(takeStoredQueue(queueStorageKey(WRITE_KEY)).records).to.deep.equal([
      stored,
    ])
  })

  it('removes the queue it takes', () => {
    const store = createQueueStore(WRITE_KEY, logger)
    store.put(record())
    store.write()

    const sharedQueue = takeStoredQueue(queueStorageKey(WRITE_KEY))
    const storedBeforeRemove = localStorage.getItem(queueStorageKey(WRITE_KEY))
    sharedQueue.remove()

    expect(storedBeforeRemove).to.not.equal(null)
    expect(localStorage.getItem(queueStorageKey(WRITE_KEY))).to.equal(null)
  })

  it('writes nothing before write()', () => {
    createQueueStore(WRITE_KEY, logger).put(record())

    expect(localStorage.getItem(queueStorageKey(WRITE_KEY))).to.equal(null)
  })

  it('keeps records another tab wrote', () => {
    const tabA = createQueueStore(WRITE_KEY, logger)
    const tabB = createQueueStore(WRITE_KEY, logger)
    const fromA = record()
    const fromB = record()
    tabA.put(fromA)
    tabA.write()
    tabB.put(fromB)
    tabB.write()

    expect(readStored()).to.deep.equal([fromA, fromB])
  })

  it('removes the key when empty', () => {
    const store = createQueueStore(WRITE_KEY, logger)
    const stored = record()
    store.put(stored)
    store.write()
    store.remove(stored.event.messageId)
    store.write()

    expect(localStorage.getItem(queueStorageKey(WRITE_KEY))).to.equal(null)
  })

  it('skips malformed records', () => {
    const valid = record()
    const raw = JSON.stringify([{ event: {} }, 7, valid])
    localStorage.setItem(queueStorageKey(WRITE_KEY), raw)

    expect(takeStoredQueue(queueStorageKey(WRITE_KEY)).records).to.deep.equal([
      valid,
    ])
  })

  it('loads nothing from corrupt JSON', () => {
    localStorage.setItem(queueStorageKey(WRITE_KEY), '[{')

    expect(takeStoredQueue(queueStorageKey(WRITE_KEY)).records).to.deep.equal(
      [],
    )
  })

  it('reports a full storage', () => {
    stubStorage({ setItem: sinon.stub().throws(quotaError()) })
    const store = createQueueStore(WRITE_KEY, logger)
    store.put(record())

    expect(store.write()).to.equal('quota_exceeded')
  })

  it('keeps changes after a quota error', () => {
    stubStorage({ setItem: sinon.stub().throws(quotaError()) })
    const store = createQueueStore(WRITE_KEY, logger)
    store.put(record())
    store.write()

    expect(store.hasPendingChanges()).to.equal(true)
  })

  describe('with the quota nearly used up', () => {
    /**
     * Writes two records, then makes localStorage reject values longer than
     * the stored queue, as a quota that these two used up does.
     */
    function storeOfTwo() {
      const real = localStorage
      let limit = Infinity
      stubStorage({
        setItem: (key, value) => {
          if (value.length > limit) throw quotaError()
          real.setItem(key, value)
        },
      })
      const store = createQueueStore(WRITE_KEY, logger)
      const [kept, removed] = [record(), record()]
      store.put(kept)
      store.put(removed)
      store.write()
      limit = (real.getItem(queueStorageKey(WRITE_KEY)) ?? '').length
      return { store, kept, removed }
    }

    it('writes removals when a new record does not fit', () => {
      const { store, kept, removed } = storeOfTwo()

      store.remove(removed.event.messageId)
      store.put(record({ event: makeEvent({ event: 'A longer event name' }) }))
      store.write()

      expect(readStored()).to.deep.equal([kept])
    })

    it('reports the partial write as quota_exceeded', () => {
      const { store, removed } = storeOfTwo()

      store.remove(removed.event.messageId)
      store.put(record({ event: makeEvent({ event: 'A longer event name' }) }))

      expect(store.write()).to.equal('quota_exceeded')
    })

    it('isUnwritten: false after a rejected update', () => {
      const { store, kept } = storeOfTwo()

      // A retry's schedule makes the record longer than the quota allows.
      store.put({ ...kept, attempts: 1, retryAt: Date.now() })
      store.write()

      expect(store.isUnwritten(kept.event.messageId)).to.equal(false)
      expect(readStored()[0]).to.deep.equal(kept)
    })

    it('isUnwritten: true for a rejected record', () => {
      const { store } = storeOfTwo()
      const added = record()

      store.put(added)
      store.write()

      expect(store.isUnwritten(added.event.messageId)).to.equal(true)
    })

    it('writes the new record once space frees up', () => {
      const { store, kept, removed } = storeOfTwo()
      const added = record({
        event: makeEvent({ event: 'A longer event name' }),
      })
      store.remove(removed.event.messageId)
      store.put(added)
      store.write()

      store.remove(kept.event.messageId)
      store.write()

      expect(readStored()).to.deep.equal([added])
    })
  })

  it('writes under the page key when it names a page', () => {
    const store = createQueueStore(WRITE_KEY, logger, 'page-a')
    const stored = record()
    store.put(stored)
    store.write()

    const raw = localStorage.getItem(pageQueueKey(WRITE_KEY, 'page-a'))
    expect(JSON.parse(raw ?? '[]')).to.deep.equal([stored])
  })

  describe('listStoredQueues', () => {
    it('names the owner of each page key', () => {
      localStorage.setItem(pageQueueKey(WRITE_KEY, 'page-a'), '[]')
      localStorage.setItem(queueStorageKey(WRITE_KEY), '[]')

      expect(
        listStoredQueues(WRITE_KEY).map((queue) => queue.owner),
      ).to.have.members(['page-a', undefined])
    })

    it('leaves out other write keys', () => {
      localStorage.setItem(queueStorageKey(`${WRITE_KEY}-other`), '[]')

      expect(listStoredQueues(WRITE_KEY)).to.deep.equal([])
    })

    it('leaves out page queues of a longer write key', () => {
      localStorage.setItem(pageQueueKey(`${WRITE_KEY}:eu`, 'page-a'), '[]')
      localStorage.setItem(
        `${pageQueueKey(`${WRITE_KEY}:eu`, 'page-a')}#1`,
        '[]',
      )

      expect(listStoredQueues(WRITE_KEY)).to.deep.equal([])
    })
  })

  it('falls back to memory when storage throws', () => {
    stubStorage({ getItem: sinon.stub().throws(securityError()) })
    const store = createQueueStore(WRITE_KEY, logger)
    store.put(record())

    expect(store.write()).to.equal('unavailable')
  })

  it('stops persisting after a failure', () => {
    stubStorage({ getItem: sinon.stub().throws(securityError()) })
    const store = createQueueStore(WRITE_KEY, logger)
    store.put(record())
    store.write()

    expect(store.persistent).to.equal(false)
  })

  it('notes the fallback in the debug log', () => {
    const debugLogger = createLogger('test')
    stubStorage({ getItem: sinon.stub().throws(securityError()) })
    const debug = sinon.spy(debugLogger, 'debug')
    const store = createQueueStore(WRITE_KEY, debugLogger)
    store.put(record())
    store.write()

    expect(debug.calledOnce).to.equal(true)
  })

  it('keeps memory only when localStorage throws on access', () => {
    stubGlobal('localStorage').get(() => {
      throw securityError()
    })
    const store = createQueueStore(WRITE_KEY, logger)

    expect(store.persistent).to.equal(false)
  })

  describe('isQuotaError', () => {
    const cases: Array<[string, unknown, boolean]> = [
      ['QuotaExceededError', quotaError(), true],
      ['Firefox name', { name: 'NS_ERROR_DOM_QUOTA_REACHED' }, true],
      ['legacy code 22', { code: 22 }, true],
      ['SecurityError', securityError(), false],
      ['a string', 'QuotaExceededError', false],
    ]
    for (const [label, error, expected] of cases) {
      it(`recognizes ${label}: ${expected}`, () => {
        expect(isQuotaError(error)).to.equal(expected)
      })
    }
  })
})
