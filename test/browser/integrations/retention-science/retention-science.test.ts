import { expect } from 'chai'
import retentionScience from '../../../../integrations/retention-science'
import type { Analytics } from '../../../../src/analytics'
import {
  cleanUpDestination,
  loadDestination,
  vendorCalls,
  type VendorCall,
} from '../harness'

const SCRIPT = 'https://d1stxfv94hrhia.cloudfront.net/waves/v2/w.js'

const SETTINGS = {
  siteId: '12345',
  customMappings: [{ key: 'Bid on Item Custom', value: 'shopping_cart' }],
  reservedMappings: [{ key: 'Bid on Item', value: 'shopping_cart' }],
}

/** The commands every call starts with, for a visitor with no ID or email. */
const ANONYMOUS = [
  ['_setSiteId', '12345'],
  ['_setUserId', ''],
  ['_setUserEmail', ''],
]

function commands(): unknown[][] {
  return vendorCalls('retention-science').map((call: VendorCall) => call.args)
}

describe('Retention Science in the browser', () => {
  let analytics: Analytics | undefined

  afterEach(() => {
    analytics?.reset()
    analytics = undefined
    cleanUpDestination(['_rsq'])
  })

  /** Loads the destination, with w.js replaced by the stand-in, as a new visitor. */
  async function load(changes: Record<string, unknown> = {}, nonce?: string) {
    analytics = await loadDestination(retentionScience, {
      settings: { ...SETTINGS, ...changes },
      standIns: { [SCRIPT]: 'retention-science.js' },
      loadOptions: nonce ? { nonce } : {},
    })
    analytics.reset()
    return analytics
  }

  /** Sends one call and resolves once the destinations have handled it. */
  function call(
    method: 'track' | 'page' | 'identify',
    ...args: unknown[]
  ): Promise<void> {
    return new Promise((resolve) => {
      const send = analytics?.[method] as (...rest: unknown[]) => unknown
      send.call(analytics, ...args, () => resolve())
    })
  }

  describe('loading', () => {
    it('creates _rsq and loads w.js', async () => {
      expect(window).not.to.have.property('_rsq')

      await load()

      expect(analytics?.destinationStatus()['Retention Science']).to.equal(
        'ready',
      )
      expect(Array.isArray(Reflect.get(window, '_rsq'))).to.equal(true)
    })

    it('keeps commands queued earlier', async () => {
      ;(window as unknown as { _rsq: unknown[] })._rsq = [['_setSiteId', '9']]

      await load()
      await call('page', {})

      expect(commands()).to.deep.equal([
        ['_setSiteId', '9'],
        ...ANONYMOUS,
        ['_track'],
      ])
    })

    it('puts the nonce on the script', async () => {
      await load({}, 'rs-nonce')

      const script = document.querySelector<HTMLScriptElement>(
        'script[src*="retention-science.js"]',
      )
      expect(script?.nonce).to.equal('rs-nonce')
    })
  })

  describe('page', () => {
    it('sends the visitor and _track', async () => {
      await load()

      await call('page', {})

      expect(commands()).to.deep.equal([...ANONYMOUS, ['_track']])
    })
  })

  describe('track', () => {
    it('sends a viewed product', async () => {
      await load()

      await call('track', 'Viewed Product', {})

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addItem', { id: '', name: '', price: '' }],
        ['_track'],
      ])
    })

    it('takes the item ID from sku', async () => {
      await load()

      await call('track', 'Viewed Product', { sku: 'xxxxx' })

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addItem', { id: 'xxxxx', name: '', price: '' }],
        ['_track'],
      ])
    })

    it('sends the identified user and email', async () => {
      const page = await load()

      page.identify(123, { email: 'schnie@example.test' })
      await call('track', 'Viewed Product', {})

      expect(commands().slice(0, 3)).to.deep.equal([
        ['_setSiteId', '12345'],
        ['_setUserId', '123'],
        ['_setUserEmail', 'schnie@example.test'],
      ])
    })

    it('sends a completed order', async () => {
      await load()

      await call('track', 'Completed Order', {})

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addOrder', { id: '', total: '' }],
        ['_setAction', 'checkout_success'],
        ['_track'],
      ])
    })

    it('sends an added product', async () => {
      await load()

      await call('track', 'Added Product', {})

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addItem', { id: '', name: '', price: '' }],
        ['_setAction', 'shopping_cart'],
        ['_track'],
      ])
    })

    it('uses the customMappings action', async () => {
      await load()

      await call('track', 'Bid on Item Custom', { lot: 7 })

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_setAction', 'shopping_cart'],
        ['_setParams', { lot: '7' }],
        ['_track'],
      ])
    })

    it('sends the order and its items', async () => {
      await load()

      await call('track', 'Completed Order', {
        id: 'xxxxx-xxxxx',
        revenue: 150.0,
        products: [
          { id: '123', name: 'product1', price: 50.0 },
          { sku: '456', name: 'product2', price: 100.0 },
        ],
      })

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addOrder', { id: 'xxxxx-xxxxx', total: '150' }],
        ['_addItem', { id: '123', name: 'product1', price: '50' }],
        ['_addItem', { id: '456', name: 'product2', price: '100' }],
        ['_setAction', 'checkout_success'],
        ['_track'],
      ])
    })

    it('sends reservedMappings actions', async () => {
      await load()

      await call('track', 'Bid on Item', {
        sku: '456',
        name: 'product2',
        price: 100.0,
      })

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addItem', { id: '456', name: 'product2', price: '100' }],
        ['_setAction', 'shopping_cart'],
        ['_track'],
      ])
    })

    it('sends e-commerce spec v2 events', async () => {
      await load()

      await call('track', 'Product Viewed', { product_id: 'p1', price: 9 })
      await call('track', 'Product Added', { product_id: 'p1', name: 'Mug' })
      await call('track', 'Order Completed', {
        order_id: 'o1',
        total: 18,
        products: [{ product_id: 'p1', name: 'Mug', price: 9, quantity: 2 }],
      })

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addItem', { id: 'p1', name: '', price: '9' }],
        ['_track'],
        ...ANONYMOUS,
        ['_addItem', { id: 'p1', name: 'Mug', price: '' }],
        ['_setAction', 'shopping_cart'],
        ['_track'],
        ...ANONYMOUS,
        ['_addOrder', { id: 'o1', total: '18' }],
        ['_addItem', { id: 'p1', name: 'Mug', price: '9' }],
        ['_setAction', 'checkout_success'],
        ['_track'],
      ])
    })

    it('sends an unmapped event as action', async () => {
      await load({ enableOnSite: true })

      await call('track', 'Wishlist Shared', { list: 'summer', items: 3 })

      expect(commands()).to.deep.equal([
        ['_setSiteId', '12345'],
        ['_enableOnsite'],
        ['_setUserId', ''],
        ['_setUserEmail', ''],
        ['_setAction', 'Wishlist Shared'],
        ['_setParams', { list: 'summer', items: '3' }],
        ['_track'],
      ])
    })
  })
})
