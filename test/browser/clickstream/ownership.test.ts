import { expect } from 'chai'
import {
  CLAIM_SETTLE_MS,
  createOwnership,
  type Ownership,
} from '../../../src/clickstream/ownership'
import { createLogger } from '../../../src/debug'

const WRITE_KEY = 'wk-locks'

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function heldLocks(): Promise<string[]> {
  const snapshot = await navigator.locks.query()
  return (snapshot.held ?? []).map((lock) => lock.name ?? '')
}

// Chromium serves this suite from 127.0.0.1, a secure context with Web Locks.
describe('ownership with the browser Web Locks', () => {
  const created: Ownership[] = []

  function own(id: string): Ownership {
    const ownership = createOwnership(WRITE_KEY, id, true, {
      logger: createLogger('test'),
      onCheck: () => undefined,
    })
    created.push(ownership)
    return ownership
  }

  afterEach(() => {
    for (const ownership of created.splice(0)) ownership.dispose()
  })

  it('holds a lock named after the page', async () => {
    own('page-a')
    await delay(0)

    expect(await heldLocks()).to.include(
      `clickstream:${WRITE_KEY}:owner:page-a`,
    )
  })

  it('leaves the events of a page that holds its lock', async () => {
    own('page-b')
    let tookOver = false

    own('page-a').claim('page-b', () => (tookOver = true))
    await delay(CLAIM_SETTLE_MS * 2)

    expect(tookOver).to.equal(false)
  })

  it('takes over once that page lets its lock go', async () => {
    const other = own('page-b')
    let tookOver = false
    own('page-a').claim('page-b', () => (tookOver = true))

    other.release()
    await delay(CLAIM_SETTLE_MS * 2)

    expect(tookOver).to.equal(true)
  })
})
