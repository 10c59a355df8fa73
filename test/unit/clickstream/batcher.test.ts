import { expect } from 'chai'
import {
  fitBudget,
  planRequests,
  type PlanOptions,
} from '../../../src/clickstream/batcher'

interface Item {
  id: number
  bytes: number
  sendBy: number
  batchLimit: number
}

const NOW = 1_000_000

function items(count: number, overrides: Partial<Item> = {}): Item[] {
  return Array.from({ length: count }, (_, id) => ({
    id,
    bytes: 100,
    sendBy: NOW + 5000,
    batchLimit: Infinity,
    ...overrides,
  }))
}

function options(overrides: Partial<PlanOptions> = {}): PlanOptions {
  return {
    batching: true,
    batchSize: 3,
    maxBodyBytes: 500 * 1024,
    envelopeBytes: 60,
    now: NOW,
    force: false,
    maxRequests: 6,
    ...overrides,
  }
}

const ids = (requests: Item[][]) =>
  requests.map((group) => group.map((i) => i.id))

describe('planRequests', () => {
  it('sends each event alone without batching', () => {
    const plan = planRequests(items(2), options({ batching: false }))

    expect(ids(plan)).to.deep.equal([[0], [1]])
  })

  it('holds a partial batch', () => {
    expect(planRequests(items(2), options())).to.deep.equal([])
  })

  it('sends a full batch', () => {
    expect(ids(planRequests(items(3), options()))).to.deep.equal([[0, 1, 2]])
  })

  it('holds the partial rest of a full batch', () => {
    expect(ids(planRequests(items(4), options()))).to.deep.equal([[0, 1, 2]])
  })

  it('sends a partial batch when due', () => {
    const plan = planRequests(items(2, { sendBy: NOW }), options())

    expect(ids(plan)).to.deep.equal([[0, 1]])
  })

  it('sends a partial batch when forced', () => {
    const plan = planRequests(items(4), options({ force: true }))

    expect(ids(plan)).to.deep.equal([[0, 1, 2], [3]])
  })

  it('keeps each body under maxBodyBytes', () => {
    const plan = planRequests(
      items(3),
      options({ force: true, maxBodyBytes: 60 + 100 + 1 + 100 + 1 }),
    )

    expect(ids(plan)).to.deep.equal([[0, 1], [2]])
  })

  it('respects a lowered batchLimit', () => {
    const plan = planRequests(
      items(3, { batchLimit: 2 }),
      options({ force: true }),
    )

    expect(ids(plan)).to.deep.equal([[0, 1], [2]])
  })

  it('stops at maxRequests', () => {
    const plan = planRequests(
      items(3),
      options({ batching: false, maxRequests: 2 }),
    )

    expect(plan).to.have.length(2)
  })

  it('plans nothing without room', () => {
    expect(planRequests(items(3), options({ maxRequests: 0 }))).to.deep.equal(
      [],
    )
  })
})

describe('fitBudget', () => {
  const size = (request: number[]) => request.reduce((sum, n) => sum + n, 0)

  it('keeps requests within the budget', () => {
    expect(fitBudget([[10], [20], [30]], size, 30)).to.deep.equal([[10], [20]])
  })

  it('skips a request that does not fit', () => {
    expect(fitBudget([[10], [50], [5]], size, 30)).to.deep.equal([[10], [5]])
  })
})

describe('planRequests under a backlog', () => {
  it('grows batches to carry the backlog', () => {
    const requests = planRequests(
      items(1000),
      options({ batchSize: 10, maxRequests: 2 }),
    )

    expect(requests.map((request) => request.length)).to.deep.equal([500, 500])
  })

  it('keeps each body under the limit', () => {
    const requests = planRequests(
      items(1000, { bytes: 1000 }),
      options({ batchSize: 10, maxRequests: 2, maxBodyBytes: 100_000 }),
    )

    expect(requests.map((request) => request.length)).to.deep.equal([99, 99])
  })

  it('keeps batchSize without a backlog', () => {
    const requests = planRequests(
      items(30),
      options({ batchSize: 10, maxRequests: 6 }),
    )

    expect(requests.map((request) => request.length)).to.deep.equal([
      10, 10, 10,
    ])
  })
})
