import { expect } from 'chai'
import sinon from 'sinon'
import { createLogger } from '../../../src/debug'
import {
  CHUNK_CHARS,
  createQueueStore,
  listStoredQueues,
  pageQueueKey,
  queueStorageKey,
  takeStoredQueuesOf,
  type StoredEvent,
} from '../../../src/clickstream/queue-store'
import { WRITE_KEY, makeEvent, readStored, stubStorage } from './helpers'

/** Builds a record of about `CHUNK_CHARS / 3` characters, so three fill a chunk. */
function bigRecord(): StoredEvent {
  return {
    event: makeEvent({ properties: { pad: 'x'.repeat(CHUNK_CHARS / 3) } }),
    attempts: 0,
    rateLimitedRetries: 0,
  }
}

function idsOf(records: StoredEvent[]): string[] {
  return records.map((record) => record.event.messageId)
}

/** Lists the keys of the page's queue in localStorage, first chunk first. */
function pageKeys(owner: string): string[] {
  return listStoredQueues(WRITE_KEY)
    .filter((queue) => queue.owner === owner)
    .map((queue) => queue.key)
}

describe('queue store chunks', () => {
  const logger = createLogger('test')

  afterEach(() => sinon.restore())

  function storeOfSeven() {
    const store = createQueueStore(WRITE_KEY, logger, 'page-a')
    const records = Array.from({ length: 7 }, bigRecord)
    for (const record of records) store.put(record)
    store.write()
    return { store, records }
  }

  it('splits a long queue into chunks of the page, in order', () => {
    const { records } = storeOfSeven()

    const base = pageQueueKey(WRITE_KEY, 'page-a')
    expect(pageKeys('page-a')).to.deep.equal([base, `${base}#1`, `${base}#2`])
    expect(idsOf(readStored())).to.deep.equal(idsOf(records))
  })

  it('rewrites only the chunk that holds a removed record', () => {
    const { setItem } = stubStorage()
    const { store, records } = storeOfSeven()
    setItem.resetHistory()

    store.remove(records[4]!.event.messageId)
    store.write()

    const base = pageQueueKey(WRITE_KEY, 'page-a')
    expect(setItem.args.map(([key]) => key)).to.deep.equal([`${base}#1`])
  })

  it('rewrites only the chunk that holds an updated record', () => {
    const { setItem } = stubStorage()
    const { store, records } = storeOfSeven()
    setItem.resetHistory()

    store.put({ ...records[0]!, attempts: 1 })
    store.write()

    const base = pageQueueKey(WRITE_KEY, 'page-a')
    expect(setItem.args.map(([key]) => key)).to.deep.equal([base])
    expect(readStored()[0]!.attempts).to.equal(1)
  })

  it('adds new records to the last chunk without rewriting the others', () => {
    const { setItem } = stubStorage()
    const { store } = storeOfSeven()
    setItem.resetHistory()

    store.put(bigRecord())
    store.write()

    const base = pageQueueKey(WRITE_KEY, 'page-a')
    expect(setItem.args.map(([key]) => key)).to.deep.equal([`${base}#2`])
  })

  it('removes the key of a chunk whose records are all removed', () => {
    const { store, records } = storeOfSeven()

    for (const record of records.slice(0, 3)) {
      store.remove(record.event.messageId)
    }
    store.write()

    const base = pageQueueKey(WRITE_KEY, 'page-a')
    expect(pageKeys('page-a')).to.deep.equal([`${base}#1`, `${base}#2`])
  })

  it('goes on from the last chunk, not from an emptied earlier one', () => {
    const { store, records } = storeOfSeven()
    for (const record of records) store.remove(record.event.messageId)
    store.write()

    for (let count = 0; count < 4; count++) store.put(bigRecord())
    store.write()

    const base = pageQueueKey(WRITE_KEY, 'page-a')
    expect(pageKeys('page-a')).to.deep.equal([`${base}#2`, `${base}#3`])
  })

  it('writes an updated record again when another page took its chunk', () => {
    const { store, records } = storeOfSeven()
    takeStoredQueuesOf(WRITE_KEY, 'page-a').remove()

    store.put({ ...records[5]!, attempts: 1 })
    store.write()

    expect(readStored()).to.deep.equal([{ ...records[5]!, attempts: 1 }])
  })

  it('reads every chunk of one page, oldest first', () => {
    const { records } = storeOfSeven()

    const queue = takeStoredQueuesOf(WRITE_KEY, 'page-a')

    expect(idsOf(queue.records)).to.deep.equal(idsOf(records))
    expect(pageKeys('page-a')).to.have.length(3)
  })

  it('removes every chunk of that page and leaves the others', () => {
    storeOfSeven()
    const other = createQueueStore(WRITE_KEY, logger, 'page-b')
    other.put(bigRecord())
    other.write()

    takeStoredQueuesOf(WRITE_KEY, 'page-a').remove()

    expect(pageKeys('page-a')).to.deep.equal([])
    expect(pageKeys('page-b')).to.have.length(1)
  })

  it('lists the chunks of the shared queue as unowned', () => {
    const shared = queueStorageKey(WRITE_KEY)
    localStorage.setItem(`${shared}#1`, '[]')
    localStorage.setItem(shared, '[]')

    expect(listStoredQueues(WRITE_KEY)).to.deep.equal([
      { key: shared, owner: undefined, chunk: 0 },
      { key: `${shared}#1`, owner: undefined, chunk: 1 },
    ])
  })

  it('lists no key that only starts like a queue key', () => {
    localStorage.setItem(`${queueStorageKey(WRITE_KEY)}#first`, '[]')
    localStorage.setItem(`${queueStorageKey(WRITE_KEY)}:page-a#`, '[]')

    expect(listStoredQueues(WRITE_KEY)).to.deep.equal([])
  })
})
