// Ports the e-commerce cases of Segment's facebook-pixel test file (Product
// List Viewed, Product Viewed, Product Added, Order Completed, Products
// Searched, Checkout Started), plus a purchase with only a pixel ID set,
// run in Chromium through the test kit and its fbevents.js stand-in.
import { expect } from 'chai'
import type { SegmentEvent } from '../../../../src/message/types'
import type { DestinationTest } from '../../../../src/testing'
import {
  callsOf,
  cleanUpPixel,
  loadPixel,
  loadWithSettings,
  PIXEL_ID,
} from './pixel'

const ID_1 = '507f1f77bcf86cd799439011'
const ID_2 = '505bd76785ebb509fc183733'
const PER_CALL_TYPE = { 'Facebook Pixel': { contentType: 'myCustomType' } }
const HASHED_PII_INFO =
  '74c8513188dfb502e9a27efc0f3515d6b8491a3b66dff861350de168be870ce9'
const CUSTOM_SETTINGS = {
  standardEventsCustomProperties: ['color', 'piiSecret'],
  blacklistPiiProperties: [{ propertyName: 'piiSecret', hashProperty: true }],
}

afterEach(cleanUpPixel)

/** Returns the one fbq call a Segment call makes, after checking its eventID. */
async function onlyCall(
  pixel: DestinationTest,
  act: () => Promise<SegmentEvent>,
): Promise<unknown[]> {
  const { calls, eventID } = await callsOf(pixel, act)
  expect(calls).to.have.length(1)
  expect(calls[0]![4]).to.deep.equal(eventID)
  expect(eventID.eventID).to.be.a('string')
  return calls[0]!.slice(0, 4)
}

describe('Facebook Pixel: Product List Viewed', () => {
  function listProducts(category: string) {
    return [
      {
        product_id: ID_1,
        sku: '45790-32',
        name: 'Monopoly: 3rd Edition',
        price: 19,
        position: 1,
        category,
        url: 'https://www.example.com/product/path',
        image_url: 'https://www.example.com/product/path.jpg',
      },
      {
        product_id: ID_2,
        sku: '46493-32',
        name: 'Uno Card Game',
        price: 3,
        position: 2,
        category,
      },
    ]
  }
  const LISTED = {
    content_ids: [ID_1, ID_2],
    contents: [
      { id: ID_1, quantity: 1 },
      { id: ID_2, quantity: 1 },
    ],
  }

  it('takes content_type from the per-call option', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track(
        'Product List Viewed',
        { category: 'Games', products: listProducts('Cars') },
        PER_CALL_TYPE,
      ),
    )

    expect(call).to.deep.equal([
      'trackSingle',
      PIXEL_ID,
      'ViewContent',
      { ...LISTED, content_type: ['myCustomType'] },
    ])
  })

  it('adds the custom properties, hashing a blacklisted one', async () => {
    const pixel = await loadPixel(CUSTOM_SETTINGS)

    const call = await onlyCall(pixel, () =>
      pixel.track(
        'Product List Viewed',
        {
          category: 'Games',
          products: listProducts('Cars'),
          color: 'blue',
          piiSecret: 'piiInfo',
        },
        PER_CALL_TYPE,
      ),
    )

    expect(call[3]).to.deep.equal({
      ...LISTED,
      content_type: ['myCustomType'],
      color: 'blue',
      piiSecret: HASHED_PII_INFO,
    })
  })

  it('sends the product ids with content_type product', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Product List Viewed', {
        category: 'Games',
        products: listProducts('Cars'),
      }),
    )

    expect(call[3]).to.deep.equal({ ...LISTED, content_type: ['product'] })
  })

  it('falls back to the category as a product_group', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Product List Viewed', { category: 'Games' }),
    )

    expect(call).to.deep.equal([
      'trackSingle',
      PIXEL_ID,
      'ViewContent',
      {
        content_ids: ['Games'],
        content_type: ['product_group'],
        contents: [{ id: 'Games', quantity: 1 }],
      },
    ])
  })

  it('maps the event category through contentTypes', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Product List Viewed', {
        category: 'Cars',
        products: listProducts('Games'),
      }),
    )

    expect(call[3]).to.deep.equal({ ...LISTED, content_type: ['vehicle'] })
  })

  it('prefers the per-call option over the mapping', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track(
        'Product List Viewed',
        { category: 'Cars', products: listProducts('Games') },
        PER_CALL_TYPE,
      ),
    )

    expect(call[3]).to.deep.equal({
      ...LISTED,
      content_type: ['myCustomType'],
    })
  })

  it('sends a mapped legacy event after the standard one', async () => {
    const pixel = await loadPixel({
      legacyEvents: { 'Product List Viewed': '123456' },
    })

    const { calls, eventID } = await callsOf(pixel, () =>
      pixel.track('Product List Viewed', { category: 'Games' }),
    )

    expect(calls).to.deep.equal([
      [
        'trackSingle',
        PIXEL_ID,
        'ViewContent',
        {
          content_ids: ['Games'],
          content_type: ['product_group'],
          contents: [{ id: 'Games', quantity: 1 }],
        },
        eventID,
      ],
      [
        'trackSingle',
        PIXEL_ID,
        '123456',
        { currency: 'USD', value: '0.00' },
        eventID,
      ],
    ])
  })

  it('uses an empty id when the category is null', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Product List Viewed', { category: null }),
    )

    expect(call[3]).to.deep.equal({
      content_ids: [''],
      content_type: ['product_group'],
      contents: [{ id: '', quantity: 1 }],
    })
  })

  it('takes the per-call content type with no category', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Product List Viewed', { category: null }, PER_CALL_TYPE),
    )

    expect(call[3]).to.deep.equal({
      content_ids: [''],
      content_type: ['myCustomType'],
      contents: [{ id: '', quantity: 1 }],
    })
  })

  it('ignores a null products list', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Product List Viewed', {
        category: 'Games',
        products: null,
      }),
    )

    expect(call[3]).to.deep.equal({
      content_ids: ['Games'],
      content_type: ['product_group'],
      contents: [{ id: 'Games', quantity: 1 }],
    })
  })
})

/** Product Viewed and Product Added share the reference's cases. */
for (const [segmentEvent, pixelEvent] of [
  ['Product Viewed', 'ViewContent'],
  ['Product Added', 'AddToCart'],
] as const) {
  describe(`Facebook Pixel: ${segmentEvent}`, () => {
    const PRODUCT = {
      product_id: ID_1,
      currency: 'USD',
      quantity: 1,
      price: 44.33,
      name: 'my product',
      category: 'cat 1',
      sku: 'p-298',
      value: 24.75,
    }
    const SENT = {
      content_ids: [ID_1],
      content_type: ['product'],
      content_name: 'my product',
      content_category: 'cat 1',
      currency: 'USD',
      value: '24.75',
      contents: [{ id: ID_1, quantity: 1, item_price: 44.33 }],
    }

    it(`sends ${pixelEvent} with the product's parameters`, async () => {
      const pixel = await loadPixel()

      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, PRODUCT),
      )

      expect(call).to.deep.equal(['trackSingle', PIXEL_ID, pixelEvent, SENT])
    })

    it('adds the custom properties, hashing a blacklisted one', async () => {
      const pixel = await loadPixel(CUSTOM_SETTINGS)

      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, {
          ...PRODUCT,
          color: 'blue',
          piiSecret: 'piiInfo',
        }),
      )

      expect(call[3]).to.deep.equal({
        ...SENT,
        color: 'blue',
        piiSecret: HASHED_PII_INFO,
      })
    })

    it('sends a mapped legacy event with currency and value', async () => {
      const pixel = await loadPixel({
        legacyEvents: { [segmentEvent]: '123456' },
      })

      const { calls, eventID } = await callsOf(pixel, () =>
        pixel.track(segmentEvent, PRODUCT),
      )

      expect(calls).to.deep.equal([
        ['trackSingle', PIXEL_ID, pixelEvent, SENT, eventID],
        [
          'trackSingle',
          PIXEL_ID,
          '123456',
          { currency: 'USD', value: '24.75' },
          eventID,
        ],
      ])
    })

    it('sends the price as value when valueIdentifier is price', async () => {
      const pixel = await loadPixel({ valueIdentifier: 'price' })

      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, PRODUCT),
      )

      expect(call[3]).to.deep.equal({ ...SENT, value: '44.33' })
    })

    it('maps the category through contentTypes', async () => {
      const pixel = await loadPixel()

      // A content_type property of the event's own is not used.
      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, {
          ...PRODUCT,
          category: 'Cars',
          content_type: 'stuff',
        }),
      )

      expect(call[3]).to.deep.equal({
        ...SENT,
        content_type: ['vehicle'],
        content_category: 'Cars',
      })
    })

    it('takes content_type from the per-call option', async () => {
      const pixel = await loadPixel()

      const call = await onlyCall(pixel, () =>
        pixel.track(
          segmentEvent,
          { ...PRODUCT, category: 'Cars', content_type: 'stuff' },
          PER_CALL_TYPE,
        ),
      )

      expect(call[3]).to.deep.equal({
        ...SENT,
        content_type: ['myCustomType'],
        content_category: 'Cars',
      })
    })

    it('falls back to id for the content id', async () => {
      const pixel = await loadPixel()
      const { product_id: _unused, ...withoutProductId } = PRODUCT

      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, { ...withoutProductId, id: ID_1 }),
      )

      expect(call[3]).to.deep.equal(SENT)
    })

    it('falls back to sku for the content id', async () => {
      const pixel = await loadPixel()
      const { product_id: _unused, ...withoutProductId } = PRODUCT

      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, withoutProductId),
      )

      expect(call[3]).to.deep.equal({
        ...SENT,
        content_ids: ['p-298'],
        contents: [{ id: 'p-298', quantity: 1, item_price: 44.33 }],
      })
    })

    it('falls back to an empty content id', async () => {
      const pixel = await loadPixel()
      const { product_id: _id, sku: _sku, ...withoutIds } = PRODUCT

      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, withoutIds),
      )

      expect(call[3]).to.deep.equal({
        ...SENT,
        content_ids: [''],
        contents: [{ id: '', quantity: 1, item_price: 44.33 }],
      })
    })

    it('falls back to an empty content_name', async () => {
      const pixel = await loadPixel()
      const { name: _unused, ...withoutName } = PRODUCT

      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, withoutName),
      )

      expect(call[3]).to.deep.equal({ ...SENT, content_name: '' })
    })

    it('falls back to an empty content_category', async () => {
      const pixel = await loadPixel()
      const { category: _unused, ...withoutCategory } = PRODUCT

      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, withoutCategory),
      )

      expect(call[3]).to.deep.equal({ ...SENT, content_category: '' })
    })

    it('uses the price in the legacy event too', async () => {
      const pixel = await loadPixel({
        valueIdentifier: 'price',
        legacyEvents: { [segmentEvent]: '123456' },
      })

      const { calls, eventID } = await callsOf(pixel, () =>
        pixel.track(segmentEvent, PRODUCT),
      )

      expect(calls).to.deep.equal([
        [
          'trackSingle',
          PIXEL_ID,
          pixelEvent,
          { ...SENT, value: '44.33' },
          eventID,
        ],
        [
          'trackSingle',
          PIXEL_ID,
          '123456',
          { currency: 'USD', value: '44.33' },
          eventID,
        ],
      ])
    })

    it('sends 0.00 as value when the event has none', async () => {
      const pixel = await loadPixel()

      const call = await onlyCall(pixel, () =>
        pixel.track(segmentEvent, {
          currency: 'USD',
          product_id: ID_1,
          name: 'Monopoly: 3rd Edition',
          quantity: 1,
          price: 19,
        }),
      )

      expect(call[3]).to.deep.equal({
        content_ids: [ID_1],
        content_type: ['product'],
        content_name: 'Monopoly: 3rd Edition',
        content_category: '',
        currency: 'USD',
        value: '0.00',
        contents: [{ id: ID_1, quantity: 1, item_price: 19 }],
      })
    })
  })
}

describe('Facebook Pixel: Order Completed', () => {
  const ORDER = {
    products: [{ product_id: ID_1 }, { product_id: ID_2 }],
    currency: 'USD',
    total: 0.5,
  }
  const PURCHASE = {
    content_ids: [ID_1, ID_2],
    content_type: ['product'],
    currency: 'USD',
    value: '0.50',
    contents: [
      { id: ID_1, quantity: 1 },
      { id: ID_2, quantity: 1 },
    ],
    num_items: 2,
  }

  it('sends Purchase with the total as value', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Order Completed', ORDER),
    )

    expect(call).to.deep.equal(['trackSingle', PIXEL_ID, 'Purchase', PURCHASE])
  })

  it('adds the custom properties, hashing a blacklisted one', async () => {
    const pixel = await loadPixel(CUSTOM_SETTINGS)

    const call = await onlyCall(pixel, () =>
      pixel.track('Order Completed', {
        ...ORDER,
        color: 'blue',
        piiSecret: 'piiInfo',
      }),
    )

    expect(call[3]).to.deep.equal({
      ...PURCHASE,
      color: 'blue',
      piiSecret: HASHED_PII_INFO,
    })
  })

  it('sends the standard and the mapped legacy event', async () => {
    const pixel = await loadPixel({
      legacyEvents: { 'Order Completed': '123456' },
    })

    const { calls, eventID } = await callsOf(pixel, () =>
      pixel.track('Order Completed', ORDER),
    )

    expect(calls).to.deep.equal([
      ['trackSingle', PIXEL_ID, 'Purchase', PURCHASE, eventID],
      [
        'trackSingle',
        PIXEL_ID,
        '123456',
        { currency: 'USD', value: '0.50' },
        eventID,
      ],
    ])
  })

  it('falls back to id for a content id', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Order Completed', {
        ...ORDER,
        products: [{ product_id: ID_1 }, { id: ID_2 }],
      }),
    )

    expect(call[3]).to.deep.equal(PURCHASE)
  })

  it('falls back to sku for a content id', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Order Completed', {
        ...ORDER,
        products: [{ product_id: ID_1 }, { sku: ID_2 }],
      }),
    )

    expect(call[3]).to.deep.equal(PURCHASE)
  })

  it("maps the first product's category through contentTypes", async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Order Completed', {
        ...ORDER,
        products: [
          { product_id: ID_1, category: 'Cars' },
          { product_id: ID_2, category: 'Cars' },
        ],
      }),
    )

    expect(call[3]).to.deep.equal({ ...PURCHASE, content_type: ['vehicle'] })
  })

  it('takes content_type from the per-call option', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track(
        'Order Completed',
        {
          ...ORDER,
          products: [
            { product_id: ID_1, category: 'Cars' },
            { product_id: ID_2, category: 'Cars' },
          ],
        },
        PER_CALL_TYPE,
      ),
    )

    expect(call[3]).to.deep.equal({
      ...PURCHASE,
      content_type: ['myCustomType'],
    })
  })

  it('sends the item prices and the revenue as value', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track(
        'Order Completed',
        {
          products: [
            {
              product_id: ID_1,
              name: 'Monopoly: 3rd Edition',
              price: 19,
              quantity: 1,
            },
            { product_id: ID_2, name: 'Uno Card Game', price: 3, quantity: 2 },
          ],
          currency: 'USD',
          revenue: 0.5,
        },
        PER_CALL_TYPE,
      ),
    )

    expect(call[3]).to.deep.equal({
      ...PURCHASE,
      content_type: ['myCustomType'],
      contents: [
        { id: ID_1, quantity: 1, item_price: 19 },
        { id: ID_2, quantity: 2, item_price: 3 },
      ],
    })
  })

  it('never lets a custom property override a mapped parameter', async () => {
    const pixel = await loadPixel({
      standardEventsCustomProperties: ['value', 'coupon'],
    })

    const call = await onlyCall(pixel, () =>
      pixel.track('Order Completed', {
        ...ORDER,
        value: 999,
        coupon: 'hasbros',
      }),
    )

    expect(call[3]).to.deep.equal({ ...PURCHASE, coupon: 'hasbros' })
  })
})

describe('Facebook Pixel: purchase with only pixelId set', () => {
  const ONLY_PIXEL_ID = { pixelId: '1234567890' }
  const PRODUCTS = [
    { product_id: 'p1', quantity: 2, price: 10 },
    { product_id: 'p2', quantity: 1, price: 10 },
  ]
  const ORDER_OF_TWO = {
    order_id: 'ord-1',
    total: 30,
    currency: 'EUR',
    value: 999,
    email: 'ana@example.test',
    products: PRODUCTS,
  }
  const PURCHASE_OF_TWO = {
    content_ids: ['p1', 'p2'],
    content_type: ['product'],
    currency: 'EUR',
    value: '30.00',
    contents: [
      { id: 'p1', quantity: 2, item_price: 10 },
      { id: 'p2', quantity: 1, item_price: 10 },
    ],
    num_items: 2,
  }

  it('sends one Purchase to the pixel with the messageId as eventID', async () => {
    const pixel = await loadWithSettings(ONLY_PIXEL_ID)

    const { calls, eventID } = await callsOf(pixel, () =>
      pixel.track('Order Completed', ORDER_OF_TWO),
    )

    expect(eventID.eventID).to.be.a('string')
    expect(calls).to.deep.equal([
      ['trackSingle', '1234567890', 'Purchase', PURCHASE_OF_TWO, eventID],
    ])
  })

  it('prefers revenue over total', async () => {
    const pixel = await loadWithSettings(ONLY_PIXEL_ID)

    const call = await onlyCall(pixel, () =>
      pixel.track('Order Completed', { ...ORDER_OF_TWO, revenue: 25 }),
    )

    expect(call[3]).to.deep.equal({ ...PURCHASE_OF_TWO, value: '25.00' })
  })

  it('defaults the currency to USD', async () => {
    const pixel = await loadWithSettings(ONLY_PIXEL_ID)
    const { currency: _unused, ...noCurrency } = ORDER_OF_TWO

    const call = await onlyCall(pixel, () =>
      pixel.track('Order Completed', noCurrency),
    )

    expect(call[3]).to.deep.equal({ ...PURCHASE_OF_TWO, currency: 'USD' })
  })

  it('sends 0.00 with neither revenue nor total', async () => {
    const pixel = await loadWithSettings(ONLY_PIXEL_ID)
    const { total: _unused, ...noTotal } = ORDER_OF_TWO

    const call = await onlyCall(pixel, () =>
      pixel.track('Order Completed', noTotal),
    )

    expect(call[3]).to.deep.equal({ ...PURCHASE_OF_TWO, value: '0.00' })
  })
})

describe('Facebook Pixel: Products Searched', () => {
  it('sends Search with the query as search_string', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Products Searched', { query: 'yo' }),
    )

    expect(call).to.deep.equal([
      'trackSingle',
      PIXEL_ID,
      'Search',
      { search_string: 'yo' },
    ])
  })

  it('adds the custom properties, hashing a blacklisted one', async () => {
    const pixel = await loadPixel(CUSTOM_SETTINGS)

    const call = await onlyCall(pixel, () =>
      pixel.track('Products Searched', {
        query: 'yo',
        color: 'blue',
        piiSecret: 'piiInfo',
      }),
    )

    expect(call[3]).to.deep.equal({
      search_string: 'yo',
      color: 'blue',
      piiSecret: HASHED_PII_INFO,
    })
  })

  it('sends the standard and the mapped legacy event', async () => {
    const pixel = await loadPixel({
      legacyEvents: { 'Products Searched': '123456' },
    })

    const { calls, eventID } = await callsOf(pixel, () =>
      pixel.track('Products Searched', { query: 'yo' }),
    )

    expect(calls).to.deep.equal([
      ['trackSingle', PIXEL_ID, 'Search', { search_string: 'yo' }, eventID],
      [
        'trackSingle',
        PIXEL_ID,
        '123456',
        { currency: 'USD', value: '0.00' },
        eventID,
      ],
    ])
  })
})

describe('Facebook Pixel: Checkout Started', () => {
  function checkout(category: string, first: Record<string, unknown> = {}) {
    return {
      order_id: '50314b8e9bcf000000000000',
      affiliation: 'Google Store',
      value: 30,
      revenue: 25,
      shipping: 3,
      tax: 2,
      discount: 2.5,
      coupon: 'hasbros',
      currency: 'USD',
      products: [
        {
          product_id: ID_1,
          sku: '45790-32',
          name: 'Monopoly: 3rd Edition',
          price: 19,
          quantity: 1,
          category,
          url: 'https://www.example.com/product/path',
          image_url: 'https://www.example.com/product/path.jpg',
          ...first,
        },
        {
          product_id: ID_2,
          sku: '46493-32',
          name: 'Uno Card Game',
          price: 3,
          quantity: 2,
          category,
        },
      ],
    }
  }
  const INITIATED = {
    content_ids: [ID_1, ID_2],
    value: '25.00',
    content_type: ['product'],
    contents: [
      { id: ID_1, quantity: 1, item_price: 19 },
      { id: ID_2, quantity: 2, item_price: 3 },
    ],
    num_items: 2,
    currency: 'USD',
    content_category: 'Games',
  }
  /** The first product identified by `id` instead of `product_id`. */
  const BY_ID = { product_id: undefined, id: ID_1 }

  it('sends InitiateCheckout with the top-level category', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Checkout Started', {
        category: 'NotGames',
        ...checkout('Games'),
      }),
    )

    expect(call).to.deep.equal([
      'trackSingle',
      PIXEL_ID,
      'InitiateCheckout',
      { ...INITIATED, content_category: 'NotGames' },
    ])
  })

  it('adds the custom properties, hashing a blacklisted one', async () => {
    const pixel = await loadPixel(CUSTOM_SETTINGS)

    const call = await onlyCall(pixel, () =>
      pixel.track('Checkout Started', {
        category: 'NotGames',
        ...checkout('Games'),
        color: 'blue',
        piiSecret: 'piiInfo',
      }),
    )

    expect(call[3]).to.deep.equal({
      ...INITIATED,
      content_category: 'NotGames',
      color: 'blue',
      piiSecret: HASHED_PII_INFO,
    })
  })

  it("takes the first product's category when the event has none", async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Checkout Started', checkout('Games')),
    )

    expect(call[3]).to.deep.equal(INITIATED)
  })

  it('sends the standard and the mapped legacy event', async () => {
    const pixel = await loadPixel({
      legacyEvents: { 'Checkout Started': '123456' },
    })

    const { calls, eventID } = await callsOf(pixel, () =>
      pixel.track('Checkout Started', checkout('Games')),
    )

    expect(calls).to.deep.equal([
      ['trackSingle', PIXEL_ID, 'InitiateCheckout', INITIATED, eventID],
      [
        'trackSingle',
        PIXEL_ID,
        '123456',
        { currency: 'USD', value: '25.00' },
        eventID,
      ],
    ])
  })

  it('falls back to id for a content id', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Checkout Started', checkout('Games', BY_ID)),
    )

    expect(call[3]).to.deep.equal(INITIATED)
  })

  it('takes content_type from the per-call option', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Checkout Started', checkout('Games', BY_ID), PER_CALL_TYPE),
    )

    expect(call[3]).to.deep.equal({
      ...INITIATED,
      content_type: ['myCustomType'],
    })
  })

  it("maps the first product's category through contentTypes", async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Checkout Started', checkout('Snacks', BY_ID)),
    )

    expect(call[3]).to.deep.equal({
      ...INITIATED,
      content_type: ['food'],
      content_category: 'Snacks',
    })
  })

  it('falls back to sku for a content id', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track(
        'Checkout Started',
        checkout('Games', { product_id: undefined }),
      ),
    )

    expect(call[3]).to.deep.equal({
      ...INITIATED,
      content_ids: ['45790-32', ID_2],
      contents: [
        { id: '45790-32', quantity: 1, item_price: 19 },
        { id: ID_2, quantity: 2, item_price: 3 },
      ],
    })
  })
})

describe('Facebook Pixel: our additions to the e-commerce mapping', () => {
  it('sends Product Added to Wishlist as AddToWishlist', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Product Added to Wishlist', {
        wishlist_id: 'w1',
        product_id: ID_1,
        name: 'my product',
        category: 'Cars',
        price: 44.33,
        currency: 'EUR',
      }),
    )

    expect(call).to.deep.equal([
      'trackSingle',
      PIXEL_ID,
      'AddToWishlist',
      {
        content_ids: [ID_1],
        content_type: ['vehicle'],
        content_name: 'my product',
        content_category: 'Cars',
        currency: 'EUR',
        value: '0.00',
        contents: [{ id: ID_1, quantity: 1, item_price: 44.33 }],
      },
    ])
  })

  it('sends Payment Info Entered as AddPaymentInfo', async () => {
    const pixel = await loadPixel()

    const call = await onlyCall(pixel, () =>
      pixel.track('Payment Info Entered', {
        checkout_id: 'c1',
        payment_method: 'card',
        revenue: 25,
        products: [{ product_id: ID_1, price: 19 }],
      }),
    )

    expect(call).to.deep.equal([
      'trackSingle',
      PIXEL_ID,
      'AddPaymentInfo',
      {
        content_ids: [ID_1],
        content_type: ['product'],
        currency: 'USD',
        value: '25.00',
        contents: [{ id: ID_1, quantity: 1, item_price: 19 }],
        num_items: 1,
      },
    ])
  })

  it('leaves them to standardEvents when the settings map them', async () => {
    const pixel = await loadPixel({
      standardEvents: { 'Payment Info Entered': 'Lead' },
    })

    const call = await onlyCall(pixel, () =>
      pixel.track('Payment Info Entered', { payment_method: 'card' }),
    )

    expect(call).to.deep.equal([
      'trackSingle',
      PIXEL_ID,
      'Lead',
      { payment_method: 'card' },
    ])
  })
})
