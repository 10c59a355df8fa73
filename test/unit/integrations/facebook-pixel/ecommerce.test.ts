import { Track } from '@segment/facade'
import { expect } from 'chai'
import { ecommerceEvent } from '../../../../integrations/facebook-pixel/ecommerce'

function track(event: string, properties: Record<string, unknown> = {}) {
  return new Track({ event, properties })
}

describe('Facebook Pixel e-commerce mapping', () => {
  it('leaves other events to the track mapping', () => {
    expect(ecommerceEvent(track('Signed Up'), {})).to.equal(undefined)
    expect(ecommerceEvent(track('Viewed Product Category'), {})).to.equal(
      undefined,
    )
  })

  it('leaves events named after Object.prototype keys to the track mapping', () => {
    expect(ecommerceEvent(track('Constructor'), {})).to.equal(undefined)
    expect(ecommerceEvent(track('constructor'), {}, true)).to.equal(undefined)
  })

  const NAMES: Array<[string, string]> = [
    ['Product List Viewed', 'ViewContent'],
    ['Viewed Product List', 'ViewContent'],
    ['product_viewed', 'ViewContent'],
    ['Viewed Product', 'ViewContent'],
    ['Product Added', 'AddToCart'],
    ['Added Product', 'AddToCart'],
    ['order completed', 'Purchase'],
    ['Completed Order', 'Purchase'],
    ['Checkout Started', 'InitiateCheckout'],
    ['Started Checkout', 'InitiateCheckout'],
    ['Products Searched', 'Search'],
    ['Searched Products', 'Search'],
    ['Product Added to Wishlist', 'AddToWishlist'],
    ['payment_info_entered', 'AddPaymentInfo'],
  ]
  for (const [name, standard] of NAMES) {
    it(`maps "${name}" to ${standard}`, () => {
      expect(ecommerceEvent(track(name), {})?.[0]).to.equal(standard)
    })
  }

  it('leaves our additions alone when standardEvents maps them', () => {
    const wishlist = track('Product Added to Wishlist')

    expect(ecommerceEvent(wishlist, {}, true)).to.equal(undefined)
    expect(ecommerceEvent(track('Order Completed'), {}, true)?.[0]).to.equal(
      'Purchase',
    )
  })

  it('takes the total of a Completed Order as its value', () => {
    const [, params] = ecommerceEvent(
      track('Completed Order', { total: 30, products: [{ sku: 's1' }] }),
      {},
    )!

    expect(params.value).to.equal('30.00')
    expect(params.contents).to.deep.equal([{ id: 's1', quantity: 1 }])
  })

  it('reads contentTypes given as a list of key and value pairs', () => {
    const [, params] = ecommerceEvent(
      track('Product Viewed', { product_id: 'p1', category: 'used_cars' }),
      {
        valueIdentifier: 'value',
        contentTypes: [
          { key: 'Used Cars', value: 'vehicle' },
          { key: 'used-cars', value: 'automotive' },
        ],
      },
    )!

    expect(params.content_type).to.deep.equal(['vehicle', 'automotive'])
  })

  it('gives a checkout item the top-level price when it has none', () => {
    const [, params] = ecommerceEvent(
      track('Checkout Started', { price: 5, products: [{ product_id: 'p1' }] }),
      {},
    )!

    expect(params.contents).to.deep.equal([
      { id: 'p1', quantity: 1, item_price: 5 },
    ])
  })
})
