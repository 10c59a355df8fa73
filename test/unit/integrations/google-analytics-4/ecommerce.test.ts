import { expect } from 'chai'
import {
  recommendedEvent,
  toItem,
} from '../../../../integrations/google-analytics-4/ecommerce'

const DOOR = {
  product_id: 'sku-1',
  name: 'Sliding Door',
  category: 'modern',
  price: 955,
}

describe('GA4 recommended events', () => {
  describe('Product Added', () => {
    it('becomes add_to_cart with one item and its value', () => {
      const event = recommendedEvent('Product Added', {
        ...DOOR,
        currency: 'EUR',
      })

      expect(event).to.deep.equal({
        name: 'add_to_cart',
        params: {
          currency: 'EUR',
          value: 955,
          items: [
            {
              item_id: 'sku-1',
              item_name: 'Sliding Door',
              item_category: 'modern',
              price: 955,
              quantity: 1,
            },
          ],
        },
      })
    })

    it('multiplies the value by the quantity', () => {
      const event = recommendedEvent('Product Added', {
        ...DOOR,
        currency: 'EUR',
        quantity: 2,
      })

      expect(event?.params.value).to.equal(1910)
      expect(event?.params.items).to.deep.equal([
        {
          item_id: 'sku-1',
          item_name: 'Sliding Door',
          item_category: 'modern',
          price: 955,
          quantity: 2,
        },
      ])
    })
  })

  describe('Order Completed', () => {
    it('becomes purchase with one item per product', () => {
      const event = recommendedEvent('Order Completed', {
        order_id: 'ord-1',
        affiliation: 'Online Store',
        total: 27.5,
        revenue: 25,
        tax: 2,
        shipping: 3,
        coupon: 'SPRING',
        currency: 'EUR',
        products: [
          { product_id: 'p1', name: 'Hinge', price: 10, quantity: 2 },
          { sku: 'p2', name: 'Handle', brand: 'Acme', price: 5 },
        ],
      })

      expect(event).to.deep.equal({
        name: 'purchase',
        params: {
          transaction_id: 'ord-1',
          affiliation: 'Online Store',
          currency: 'EUR',
          value: 25,
          tax: 2,
          shipping: 3,
          coupon: 'SPRING',
          items: [
            { item_id: 'p1', item_name: 'Hinge', price: 10, quantity: 2 },
            {
              item_id: 'p2',
              item_name: 'Handle',
              item_brand: 'Acme',
              price: 5,
              quantity: 1,
            },
          ],
        },
      })
    })

    it('takes the value from revenue, then total, then the items', () => {
      const products = [{ product_id: 'p1', price: 10, quantity: 3 }]

      const fromTotal = recommendedEvent('Order Completed', {
        order_id: 'o',
        total: 30,
        products,
      })
      const fromItems = recommendedEvent('Order Completed', {
        order_id: 'o',
        products,
      })

      expect(fromTotal?.params.value).to.equal(30)
      expect(fromItems?.params.value).to.equal(30)
    })

    it('sends USD with a value when the call names no currency', () => {
      const event = recommendedEvent('Order Completed', {
        order_id: 'o',
        total: 30,
      })

      expect(event?.params).to.deep.equal({
        transaction_id: 'o',
        currency: 'USD',
        value: 30,
      })
    })
  })

  it('matches event names in any case and separator style', () => {
    for (const name of ['order_completed', 'orderCompleted', 'ORDER COMPLETED'])
      expect(recommendedEvent(name, {})?.name).to.equal('purchase')
  })

  it('maps each spec event to its GA4 name', () => {
    const names = {
      'Products Searched': 'search',
      'Product List Viewed': 'view_item_list',
      'Product List Filtered': 'view_item_list',
      'Product Clicked': 'select_item',
      'Product Viewed': 'view_item',
      'Product Added': 'add_to_cart',
      'Product Removed': 'remove_from_cart',
      'Product Added to Wishlist': 'add_to_wishlist',
      'Product Shared': 'share',
      'Cart Viewed': 'view_cart',
      'Cart Shared': 'share',
      'Checkout Started': 'begin_checkout',
      'Payment Info Entered': 'add_payment_info',
      'Order Completed': 'purchase',
      'Order Refunded': 'refund',
      'Promotion Viewed': 'view_promotion',
      'Promotion Clicked': 'select_promotion',
      'Signed Up': 'sign_up',
      'Logged In': 'login',
    }

    const mapped = Object.fromEntries(
      Object.keys(names).map((event) => [
        event,
        recommendedEvent(event, {})?.name,
      ]),
    )

    expect(mapped).to.deep.equal(names)
  })

  it('leaves other events unmapped', () => {
    expect(recommendedEvent('Video Played', { title: 'Intro' })).to.equal(
      undefined,
    )
  })

  it('leaves events named like members of every object unmapped', () => {
    for (const name of ['constructor', 'toString', '__proto__'])
      expect(recommendedEvent(name, {}), name).to.equal(undefined)
  })

  it('Products Searched sends the query as search_term', () => {
    expect(
      recommendedEvent('Products Searched', { query: 'door' }),
    ).to.deep.equal({ name: 'search', params: { search_term: 'door' } })
  })

  it('Product List Viewed sends the list and its items', () => {
    const event = recommendedEvent('Product List Viewed', {
      list_id: 'doors-1',
      category: 'Doors',
      products: [{ product_id: 'd1', position: 1 }, null, 'junk'],
    })

    expect(event?.params).to.deep.equal({
      item_list_id: 'doors-1',
      item_list_name: 'Doors',
      items: [{ item_id: 'd1', index: 1, quantity: 1 }],
    })
  })

  it('Checkout Started sends value, coupon and items', () => {
    const event = recommendedEvent('Checkout Started', {
      value: 20,
      currency: 'GBP',
      coupon: 'X',
      products: [{ product_id: 'p1', price: 20 }],
    })

    expect(event?.params).to.deep.equal({
      currency: 'GBP',
      value: 20,
      coupon: 'X',
      items: [{ item_id: 'p1', price: 20, quantity: 1 }],
    })
  })

  it('Payment Info Entered sends the payment method as payment_type', () => {
    const event = recommendedEvent('Payment Info Entered', {
      payment_method: 'Visa',
    })

    expect(event?.params).to.deep.equal({ payment_type: 'Visa' })
  })

  it('Cart Viewed sums its items when it carries no total', () => {
    const event = recommendedEvent('Cart Viewed', {
      cart_id: 'c1',
      products: [
        { product_id: 'p1', price: 19.99, quantity: 3 },
        { product_id: 'p2', price: 0.01 },
      ],
    })

    expect(event?.params.value).to.equal(59.98)
    expect(event?.params.currency).to.equal('USD')
  })

  it('Order Refunded becomes refund, with items only when products are given', () => {
    const event = recommendedEvent('Order Refunded', {
      order_id: 'ord-1',
      total: 30,
      currency: 'EUR',
    })

    expect(event).to.deep.equal({
      name: 'refund',
      params: { transaction_id: 'ord-1', currency: 'EUR', value: 30 },
    })
  })

  it('promotions send the creative as creative_name and the position as creative_slot', () => {
    const event = recommendedEvent('Promotion Clicked', {
      promotion_id: 'promo_1',
      creative: 'top_banner_2',
      name: '75% store-wide shoe sale',
      position: 'home_banner_top',
    })

    expect(event).to.deep.equal({
      name: 'select_promotion',
      params: {
        promotion_id: 'promo_1',
        promotion_name: '75% store-wide shoe sale',
        creative_name: 'top_banner_2',
        creative_slot: 'home_banner_top',
      },
    })
  })

  it('shares name the channel as method and the shared thing as item_id', () => {
    expect(
      recommendedEvent('Product Shared', {
        share_via: 'email',
        product_id: 'p1',
      })?.params,
    ).to.deep.equal({ method: 'email', content_type: 'product', item_id: 'p1' })
    expect(
      recommendedEvent('Cart Shared', { share_via: 'sms', cart_id: 'c1' })
        ?.params,
    ).to.deep.equal({ method: 'sms', content_type: 'cart', item_id: 'c1' })
  })

  it('Signed Up and Logged In send their method', () => {
    expect(recommendedEvent('Signed Up', { method: 'Google' })).to.deep.equal({
      name: 'sign_up',
      params: { method: 'Google' },
    })
    expect(recommendedEvent('Logged In', {})).to.deep.equal({
      name: 'login',
      params: {},
    })
  })

  it('a single-product event lists the products when the properties name none', () => {
    const event = recommendedEvent('Product Added', {
      currency: 'EUR',
      products: [{ product_id: 'p1', price: 4, quantity: 2 }],
    })

    expect(event?.params).to.deep.equal({
      currency: 'EUR',
      value: 8,
      items: [{ item_id: 'p1', price: 4, quantity: 2 }],
    })
  })

  it('a given value wins over price times quantity', () => {
    const event = recommendedEvent('Product Viewed', {
      ...DOOR,
      quantity: 2,
      value: 1800,
    })

    expect(event?.params.value).to.equal(1800)
    expect(event?.params.currency).to.equal('USD')
  })
})

describe('GA4 items', () => {
  it('reads numbers sent as strings and ids sent as numbers', () => {
    expect(
      toItem({ product_id: 42, price: '9.50', quantity: '3', position: '2' }),
    ).to.deep.equal({ item_id: '42', price: 9.5, quantity: 3, index: 2 })
  })

  it('falls back from product_id to id to sku', () => {
    expect(toItem({ id: 'a', sku: 'b' }).item_id).to.equal('a')
    expect(toItem({ sku: 'b' }).item_id).to.equal('b')
  })

  it('leaves out values that are empty or of the wrong type', () => {
    expect(
      toItem({ product_id: '', name: null, price: 'free', brand: {} }),
    ).to.deep.equal({ quantity: 1 })
  })
})
