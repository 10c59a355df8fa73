// Retention Science through the real core, run by the test kit with its
// w.js stand-in, which records each command pushed onto `window._rsq`.
import { expect } from 'chai'
import retentionScience from '../../../../integrations/retention-science'
import {
  loadDestination,
  retentionScienceStandIn,
  type DestinationTest,
  type VendorCall,
} from '../../../../src/testing'
import { standInUrl } from '../served-stand-ins'

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

describe('Retention Science in the browser', () => {
  let current: DestinationTest | undefined

  function commands(): unknown[][] {
    return (current?.vendorCalls('retention-science') ?? []).map(
      (call: VendorCall) => call.args,
    )
  }

  afterEach(() => {
    current?.dispose()
    current = undefined
  })

  /** Loads the destination, with w.js replaced by the stand-in, as a new visitor. */
  async function load(changes: Record<string, unknown> = {}) {
    current = await loadDestination(retentionScience, {
      settings: { ...SETTINGS, ...changes },
      standIns: [retentionScienceStandIn()],
    })
    current.analytics.reset()
    return current
  }

  /** Loads with w.js rewritten to the served stand-in, with a nonce. */
  async function loadServed(nonce: string) {
    current = await loadDestination(retentionScience, {
      settings: SETTINGS,
      loadOptions: {
        nonce,
        vendorScriptUrl: { [SCRIPT]: standInUrl('retention-science.js') },
      },
    })
    current.analytics.reset()
    return current
  }

  describe('loading', () => {
    it('creates _rsq and loads w.js', async () => {
      expect(window).not.to.have.property('_rsq')

      const rs = await load()

      expect(rs.analytics.destinationStatus()['Retention Science']).to.equal(
        'ready',
      )
      expect(Array.isArray(Reflect.get(window, '_rsq'))).to.equal(true)
      expect(rs.vendorRequests()).to.deep.equal([
        { element: 'script', url: SCRIPT },
      ])
    })

    it('keeps commands queued earlier', async () => {
      ;(window as unknown as { _rsq: unknown[] })._rsq = [['_setSiteId', '9']]

      const rs = await load()
      await rs.page({})

      expect(commands()).to.deep.equal([
        ['_setSiteId', '9'],
        ...ANONYMOUS,
        ['_track'],
      ])
    })

    it('puts the nonce on the script', async () => {
      await loadServed('rs-nonce')

      const script = document.querySelector<HTMLScriptElement>(
        'script[src*="retention-science.js"]',
      )
      expect(script?.nonce).to.equal('rs-nonce')
    })
  })

  describe('page', () => {
    it('sends the visitor and _track', async () => {
      const rs = await load()

      await rs.page({})

      expect(commands()).to.deep.equal([...ANONYMOUS, ['_track']])
    })
  })

  describe('track', () => {
    it('sends a viewed product', async () => {
      const rs = await load()

      await rs.track('Viewed Product', {})

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addItem', { id: '', name: '', price: '' }],
        ['_track'],
      ])
    })

    it('takes the item ID from sku', async () => {
      const rs = await load()

      await rs.track('Viewed Product', { sku: 'xxxxx' })

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addItem', { id: 'xxxxx', name: '', price: '' }],
        ['_track'],
      ])
    })

    it('sends the identified user and email', async () => {
      const rs = await load()

      await rs.identify(123, { email: 'schnie@example.test' })
      await rs.track('Viewed Product', {})

      expect(commands().slice(0, 3)).to.deep.equal([
        ['_setSiteId', '12345'],
        ['_setUserId', '123'],
        ['_setUserEmail', 'schnie@example.test'],
      ])
    })

    it('sends a completed order', async () => {
      const rs = await load()

      await rs.track('Completed Order', {})

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addOrder', { id: '', total: '' }],
        ['_setAction', 'checkout_success'],
        ['_track'],
      ])
    })

    it('sends an added product', async () => {
      const rs = await load()

      await rs.track('Added Product', {})

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_addItem', { id: '', name: '', price: '' }],
        ['_setAction', 'shopping_cart'],
        ['_track'],
      ])
    })

    it('uses the customMappings action', async () => {
      const rs = await load()

      await rs.track('Bid on Item Custom', { lot: 7 })

      expect(commands()).to.deep.equal([
        ...ANONYMOUS,
        ['_setAction', 'shopping_cart'],
        ['_setParams', { lot: '7' }],
        ['_track'],
      ])
    })

    it('sends the order and its items', async () => {
      const rs = await load()

      await rs.track('Completed Order', {
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
      const rs = await load()

      await rs.track('Bid on Item', {
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
      const rs = await load()

      await rs.track('Product Viewed', { product_id: 'p1', price: 9 })
      await rs.track('Product Added', { product_id: 'p1', name: 'Mug' })
      await rs.track('Order Completed', {
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
      const rs = await load({ enableOnSite: true })

      await rs.track('Wishlist Shared', { list: 'summer', items: 3 })

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
