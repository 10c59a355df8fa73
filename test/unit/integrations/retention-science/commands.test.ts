import { Track } from '@segment/facade'
import { expect } from 'chai'
import type { RetentionScienceOptions } from '../../../../integrations/retention-science'
import {
  trackCommands,
  visitorCommands,
} from '../../../../integrations/retention-science/commands'

function settings(
  changes: Partial<RetentionScienceOptions> = {},
): RetentionScienceOptions {
  return {
    siteId: '77',
    enableOnSite: false,
    customMappings: [],
    reservedMappings: [],
    ...changes,
  }
}

const VISITOR = [
  ['_setSiteId', '77'],
  ['_setUserId', 'u-1'],
  ['_setUserEmail', 'ana@example.test'],
]

function commandsFor(
  event: string,
  properties: Record<string, unknown> = {},
  options = settings(),
) {
  return trackCommands(
    new Track({ type: 'track', event, properties }),
    options,
    {
      userId: 'u-1',
      email: 'ana@example.test',
    },
  )
}

describe('visitorCommands', () => {
  it('adds _enableOnsite when enabled', () => {
    expect(
      visitorCommands(settings({ enableOnSite: true }), { userId: 42 }),
    ).to.deep.equal([
      ['_setSiteId', '77'],
      ['_enableOnsite'],
      ['_setUserId', '42'],
      ['_setUserEmail', ''],
    ])
  })
})

describe('trackCommands', () => {
  it('sends values as strings', () => {
    const commands = commandsFor('Quiz Finished', {
      score: 0,
      passed: false,
      answers: ['a', 'b'],
      meta: { level: 2 },
      note: null,
    })

    expect(commands[4]).to.deep.equal([
      '_setParams',
      {
        score: '0',
        passed: 'false',
        answers: '["a","b"]',
        meta: '{"level":2}',
        note: '',
      },
    ])
  })

  it('reads an object mapping loosely', () => {
    const options = settings({ customMappings: { bid_placed: 'bid' } })

    expect(commandsFor('Bid Placed', {}, options)).to.deep.equal([
      ...VISITOR,
      ['_setAction', 'bid'],
      ['_setParams', {}],
      ['_track'],
    ])
  })

  it('sends one burst per action', () => {
    const options = settings({
      customMappings: [
        { key: 'Bid Placed', value: 'bid' },
        { key: 'bid-placed', value: 'auction' },
      ],
    })

    const actions = commandsFor('Bid Placed', {}, options).filter(
      ([name]) => name === '_setAction',
    )

    expect(actions).to.deep.equal([
      ['_setAction', 'bid'],
      ['_setAction', 'auction'],
    ])
  })

  it('sends an event named after an Object.prototype key as its own action', () => {
    expect(commandsFor('Constructor')).to.deep.equal([
      ...VISITOR,
      ['_setAction', 'Constructor'],
      ['_setParams', {}],
      ['_track'],
    ])
  })

  it('ignores a reserved action named after an Object.prototype key', () => {
    const options = settings({
      reservedMappings: { 'Bid Placed': 'constructor' },
    })

    expect(commandsFor('Bid Placed', {}, options)).to.deep.equal([])
  })

  it('ignores unknown reserved actions', () => {
    const options = settings({
      reservedMappings: { 'Bid Placed': 'wishlist' },
      customMappings: { 'Bid Placed': 'bid' },
    })

    expect(commandsFor('Bid Placed', {}, options)).to.deep.equal([])
  })

  it('sends a reserved cart with products', () => {
    const cartOptions = settings({
      reservedMappings: [{ key: 'Cart Viewed', value: 'shopping_cart' }],
    })

    const commands = commandsFor(
      'Cart Viewed',
      { products: [{ product_id: 'p1', price: 2 }, { sku: 's2' }] },
      cartOptions,
    )

    expect(commands).to.deep.equal([
      ...VISITOR,
      ['_addItem', { id: 'p1', name: '', price: '2' }],
      ['_addItem', { id: 's2', name: '', price: '' }],
      ['_setAction', 'shopping_cart'],
      ['_track'],
    ])
  })

  it('puts e-commerce events before mappings', () => {
    const options = settings({ customMappings: { 'Order Completed': 'paid' } })

    const actions = commandsFor('order_completed', {}, options).filter(
      ([name]) => name === '_setAction',
    )

    expect(actions).to.deep.equal([['_setAction', 'checkout_success']])
  })

  it('falls back on the order total', () => {
    const commands = commandsFor('Order Completed', {
      order_id: 'o-7',
      total: 30,
    })

    expect(commands[3]).to.deep.equal(['_addOrder', { id: 'o-7', total: '30' }])
  })
})
