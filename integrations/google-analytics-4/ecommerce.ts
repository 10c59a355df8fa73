import { normalizeEventName } from '../../src/integration/mappings'
import { isPlainObject } from '../../src/message/merge'

type Properties = Record<string, unknown>

/** Event parameters of one gtag event; keys with no value are left out. */
export type EventParams = Record<string, unknown>

/** One entry of a GA4 `items` array. */
export interface Item {
  item_id?: string
  item_name?: string
  item_brand?: string
  item_category?: string
  item_variant?: string
  coupon?: string
  index?: number
  price?: number
  quantity: number
}

/** A GA4 recommended event: its name and its parameters from the properties. */
export interface RecommendedEvent {
  name: string
  params: EventParams
}

type ParamsOf = (properties: Properties) => EventParams

/**
 * Segment's semantic events (e-commerce spec v2, plus Signed Up and Logged
 * In) and the GA4 recommended event each becomes. Keys are normalized names,
 * so `Order Completed`, `order_completed` and `orderCompleted` all match.
 */
const SPEC_EVENTS: Record<string, { name: string; params: ParamsOf }> = {
  productssearched: { name: 'search', params: searchParams },
  productlistviewed: { name: 'view_item_list', params: listParams },
  productlistfiltered: { name: 'view_item_list', params: listParams },
  productclicked: { name: 'select_item', params: clickParams },
  productviewed: { name: 'view_item', params: productParams },
  productadded: { name: 'add_to_cart', params: productParams },
  productremoved: { name: 'remove_from_cart', params: productParams },
  productaddedtowishlist: { name: 'add_to_wishlist', params: productParams },
  productshared: { name: 'share', params: productShareParams },
  cartviewed: { name: 'view_cart', params: cartParams },
  cartshared: { name: 'share', params: cartShareParams },
  checkoutstarted: { name: 'begin_checkout', params: checkoutParams },
  paymentinfoentered: { name: 'add_payment_info', params: paymentParams },
  ordercompleted: { name: 'purchase', params: orderParams },
  orderrefunded: { name: 'refund', params: orderParams },
  promotionviewed: { name: 'view_promotion', params: promotionParams },
  promotionclicked: { name: 'select_promotion', params: promotionParams },
  signedup: { name: 'sign_up', params: methodParams },
  loggedin: { name: 'login', params: methodParams },
}

/**
 * The GA4 recommended event for a Segment spec event, or undefined when the
 * event is not one the spec names.
 */
export function recommendedEvent(
  event: string,
  properties: Properties,
): RecommendedEvent | undefined {
  const spec = SPEC_EVENTS[normalizeEventName(event)]
  if (!spec) return undefined
  return { name: spec.name, params: compact(spec.params(properties)) }
}

/**
 * A GA4 item from a Segment product. `quantity` defaults to 1, as Segment's
 * spec reads a product without one.
 */
export function toItem(product: Properties): Item {
  return compact({
    item_id: text(product.product_id ?? product.id ?? product.sku),
    item_name: text(product.name),
    item_brand: text(product.brand),
    item_category: text(product.category),
    item_variant: text(product.variant),
    coupon: text(product.coupon),
    index: amount(product.position),
    price: amount(product.price),
    quantity: amount(product.quantity) ?? 1,
  }) as unknown as Item
}

function productParams(properties: Properties): EventParams {
  const items = productItems(properties)
  const value = amount(properties.value) ?? itemsValue(items)
  return { ...money(properties, value), items }
}

function orderParams(properties: Properties): EventParams {
  const items = productsOf(properties)
  return {
    transaction_id: text(properties.order_id),
    affiliation: text(properties.affiliation),
    ...money(properties, orderValue(properties, items)),
    tax: amount(properties.tax),
    shipping: amount(properties.shipping),
    coupon: text(properties.coupon),
    items: items.length > 0 ? items : undefined,
  }
}

function checkoutParams(properties: Properties): EventParams {
  const items = productsOf(properties)
  return {
    ...money(properties, orderValue(properties, items)),
    coupon: text(properties.coupon),
    items: items.length > 0 ? items : undefined,
  }
}

function paymentParams(properties: Properties): EventParams {
  return {
    ...checkoutParams(properties),
    payment_type: text(properties.payment_method),
  }
}

function cartParams(properties: Properties): EventParams {
  const items = productsOf(properties)
  return {
    ...money(properties, orderValue(properties, items)),
    items: items.length > 0 ? items : undefined,
  }
}

function listParams(properties: Properties): EventParams {
  const items = productsOf(properties)
  return {
    item_list_id: text(properties.list_id),
    item_list_name: text(properties.category),
    items: items.length > 0 ? items : undefined,
  }
}

function clickParams(properties: Properties): EventParams {
  return { items: productItems(properties) }
}

function searchParams(properties: Properties): EventParams {
  return { search_term: text(properties.query) }
}

/** Segment's `creative` names the creative; its `position` is the slot. */
function promotionParams(properties: Properties): EventParams {
  return {
    promotion_id: text(properties.promotion_id),
    promotion_name: text(properties.name),
    creative_name: text(properties.creative),
    creative_slot: text(properties.position),
  }
}

function productShareParams(properties: Properties): EventParams {
  return {
    method: text(properties.share_via),
    content_type: 'product',
    item_id: toItem(properties).item_id,
  }
}

function cartShareParams(properties: Properties): EventParams {
  return {
    method: text(properties.share_via),
    content_type: 'cart',
    item_id: text(properties.cart_id),
  }
}

function methodParams(properties: Properties): EventParams {
  return { method: text(properties.method) }
}

function productsOf(properties: Properties): Item[] {
  const products = properties.products
  if (!Array.isArray(products)) return []
  return products.filter(isPlainObject).map(toItem)
}

/**
 * The items of a single-product event: the product its properties describe,
 * or, when they name none, the products they list.
 */
function productItems(properties: Properties): Item[] {
  const item = toItem(properties)
  if (item.item_id !== undefined || item.item_name !== undefined) return [item]
  const listed = productsOf(properties)
  return listed.length > 0 ? listed : [item]
}

/**
 * An order's value: `revenue`, else `total`, else `value`, else the value
 * of its items.
 */
function orderValue(properties: Properties, items: Item[]): number | undefined {
  return (
    amount(properties.revenue) ??
    amount(properties.total) ??
    amount(properties.value) ??
    itemsValue(items)
  )
}

/** The sum of price times quantity, or undefined when no item has a price. */
function itemsValue(items: Item[]): number | undefined {
  const priced = items.filter((item) => item.price !== undefined)
  if (priced.length === 0) return undefined
  return round(
    priced.reduce((sum, item) => sum + item.price! * item.quantity, 0),
  )
}

/**
 * `currency` and `value`. GA4 needs a currency with every value, so USD
 * stands in when the call names none, as Segment's spec assumes.
 */
function money(properties: Properties, value: number | undefined): EventParams {
  const currency = text(properties.currency)
  if (value === undefined) return { currency }
  return { currency: currency ?? 'USD', value }
}

/** A finite number, or a string that reads as one. */
function amount(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value)
    return Number.isFinite(parsed) ? parsed : undefined
  }
  return undefined
}

/** A non-empty string; numbers (numeric ids) become strings. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** Drops the binary fraction noise of a product: 19.99 * 3 is 59.97. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

/** A copy without the keys whose value is undefined or null. */
export function compact<T extends Record<string, unknown>>(params: T): T {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) copy[key] = value
  }
  return copy as T
}
