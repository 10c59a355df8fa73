import { Track } from '@segment/facade'
import {
  mapEvent,
  normalizeEventName,
  ownEntry,
} from '../../src/integration/mappings'
import { formatValue } from './payload'

/** Options the e-commerce mapping reads besides the facade. */
export interface EcommerceOptions {
  valueIdentifier?: string
  contentTypes?: unknown
  /** The call's own `contentType`, which wins over everything else. */
  contentType?: unknown
}

type Params = Record<string, unknown>

/**
 * Segment's e-commerce events, under their spec v2 and older names with
 * case and separators removed, and the standard event each becomes.
 */
const EVENTS: Record<string, string> = {
  productlistviewed: 'list',
  viewedproductlist: 'list',
  productviewed: 'ViewContent',
  viewedproduct: 'ViewContent',
  productadded: 'AddToCart',
  addedproduct: 'AddToCart',
  ordercompleted: 'Purchase',
  completedorder: 'Purchase',
  checkoutstarted: 'InitiateCheckout',
  startedcheckout: 'InitiateCheckout',
  productssearched: 'Search',
  searchedproducts: 'Search',
}

/**
 * Our additions, which Segment's destination sends as custom events. They
 * give way when `standardEvents` maps the event.
 */
const OUR_EVENTS: Record<string, string> = {
  productaddedtowishlist: 'AddToWishlist',
  paymentinfoentered: 'AddPaymentInfo',
}

/**
 * The standard event and its parameters for a Segment e-commerce event, or
 * undefined for any other event. `mapped` is true when `standardEvents`
 * maps the event, and then that mapping wins over our own additions.
 */
export function ecommerceEvent(
  track: Track,
  options: EcommerceOptions,
  mapped = false,
): [string, Params] | undefined {
  const name = normalizeEventName(track.event())
  const event =
    ownEntry(EVENTS, name) || (!mapped && ownEntry(OUR_EVENTS, name))
  if (!event) return undefined
  if (event === 'Search')
    return [event, { search_string: track.proxy('properties.query') }]

  const products = track
    .products()
    .map((item) => new Track({ properties: item as Params }))
  const category = track.category()
  const firstCategory = ((track.products()[0] || {}) as Params).category
  // The parameters of every event but Search; `extra` goes before `contents`.
  const parameters = (contents: Params[], type: string, extra?: Params) => {
    const key = category || firstCategory
    const types = options.contentType
      ? [options.contentType]
      : key
        ? mapEvent(options.contentTypes, String(key))
        : []
    return {
      content_ids: contents.map((item) => item.id),
      content_type: types.length > 0 ? types : [type],
      ...extra,
      contents,
    } as Params
  }

  if (event === 'list') {
    const contents: Params[] = products
      .map((p) => ({ id: p.productId() || p.id(), quantity: p.quantity() }))
      .filter((item) => item.id)
    // Without product ids the list is described by its category.
    const group = contents.length === 0
    if (group) contents.push({ id: category || '', quantity: 1 })
    return [
      'ViewContent',
      parameters(contents, group ? 'product_group' : 'product'),
    ]
  }

  if (/^(ViewContent|AddTo)/.test(event)) {
    const id = track.productId() || track.id() || track.sku() || ''
    const price = track.price()
    const value = options.valueIdentifier === 'value' ? track.value() : price
    const item = { id, quantity: track.quantity(), item_price: price }
    return [
      event,
      parameters([item], 'product', {
        content_name: track.name() || '',
        content_category: category || '',
        currency: track.currency(),
        value: formatValue(value),
      }),
    ]
  }

  // Purchase, InitiateCheckout and AddPaymentInfo: one entry per product.
  const checkout = event === 'InitiateCheckout'
  const contents = products.map((p) => {
    const item: Params = {
      id: p.productId() || p.id() || p.sku(),
      quantity: p.quantity(),
    }
    const price = p.price() || (checkout && track.price())
    if (price) item.item_price = price
    return item
  })
  const params = parameters(contents, 'product', {
    currency: track.currency(),
    value: formatValue(track.revenue()),
  })
  params.num_items = contents.length
  if (checkout) params.content_category = category || firstCategory
  return [event, params]
}
