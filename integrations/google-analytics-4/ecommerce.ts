import { normalizeEventName } from '../../src/integration/mappings'
import { isPlainObject } from '../../src/message/merge'

type Properties = Record<string, unknown>

/** Event parameters of one gtag event, without keys that have no value. */
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

// Parameter rules, separated by spaces. `a` sends the property `a` as text,
// and `a=b|c` sends the property `b`, else `c`, as `a`. A leading `#` reads
// the value as a number. `a:x` sends the constant text `x`. In an event's
// rules, `$` adds `currency` and `value`, `+` adds the `items` of a
// single-product event, and `*` adds the items of `products`, if any.
const ITEM =
  'item_id=product_id|id|sku item_name=name item_brand=brand ' +
  'item_category=category item_variant=variant coupon ' +
  '#index=position #price #quantity'
const LIST = 'item_list_id=list_id item_list_name=category *'
const PRODUCT = '$ +'
const CHECKOUT = '$ coupon *'
const ORDER = 'transaction_id=order_id affiliation #tax #shipping ' + CHECKOUT
const PROMOTION =
  'promotion_id promotion_name=name ' +
  'creative_name=creative creative_slot=position'
const SHARE = 'method=share_via content_type:'

/**
 * Segment's semantic events (e-commerce spec v2, plus Signed Up and Logged
 * In), under their normalized names, and the GA4 recommended event each
 * becomes, with its parameter rules.
 */
const SPEC_EVENTS: Record<string, [string, string]> = {
  productssearched: ['search', 'search_term=query'],
  productlistviewed: ['view_item_list', LIST],
  productlistfiltered: ['view_item_list', LIST],
  productclicked: ['select_item', '+'],
  productviewed: ['view_item', PRODUCT],
  productadded: ['add_to_cart', PRODUCT],
  productremoved: ['remove_from_cart', PRODUCT],
  productaddedtowishlist: ['add_to_wishlist', PRODUCT],
  productshared: ['share', SHARE + 'product item_id=product_id|id|sku'],
  cartviewed: ['view_cart', '$ *'],
  cartshared: ['share', SHARE + 'cart item_id=cart_id'],
  checkoutstarted: ['begin_checkout', CHECKOUT],
  paymentinfoentered: [
    'add_payment_info',
    'payment_type=payment_method ' + CHECKOUT,
  ],
  ordercompleted: ['purchase', ORDER],
  orderrefunded: ['refund', ORDER],
  promotionviewed: ['view_promotion', PROMOTION],
  promotionclicked: ['select_promotion', PROMOTION],
  signedup: ['sign_up', 'method'],
  loggedin: ['login', 'method'],
}

/**
 * Returns the GA4 recommended event for a Segment spec event, or undefined
 * for an event the spec does not name. Event names match in any case and
 * separator style.
 */
export function recommendedEvent(
  event: string,
  properties: Properties,
): RecommendedEvent | undefined {
  const spec = SPEC_EVENTS[normalizeEventName(event)]
  // Names such as `constructor` find the table's prototype, not an event.
  if (!Array.isArray(spec)) return undefined
  const [name, rules] = spec
  const single = rules.includes('+')
  const items = single ? productItems(properties) : productsOf(properties)
  const params = pick(rules, properties)
  if (rules.includes('$')) {
    // A product's value is its own `value`, but an order's is `revenue`,
    // else `total`.
    const sources = single ? ['value'] : ['revenue', 'total', 'value']
    const value = first(
      ...sources.map((source) => amount(properties[source])),
      itemsValue(items),
    )
    // GA4 needs a currency with every value, so USD stands in, as
    // Segment's spec assumes.
    params.currency =
      text(properties.currency) || (value === undefined ? value : 'USD')
    params.value = value
  }
  if (single || (rules.includes('*') && items.length > 0)) params.items = items
  return { name, params: compact(params) }
}

/**
 * Converts a Segment product to a GA4 item. `quantity` defaults to 1, as
 * Segment's spec reads a product without one.
 */
export function toItem(product: Properties): Item {
  return { quantity: 1, ...pick(ITEM, product) }
}

/**
 * Reads the parameters that the rules name, leaving out those without a
 * value.
 */
function pick(rules: string, properties: Properties): EventParams {
  const params: EventParams = {}
  for (const rule of rules.match(/[#\w][^ ]*/g) || []) {
    const [key, from = key] = rule.replace('#', '').split(/[=:]/)
    const value = rule.includes(':')
      ? from
      : first(...from.split('|').map((source) => properties[source]))
    const read = rule[0] === '#' ? amount(value) : text(value)
    if (read !== undefined) params[key] = read
  }
  return params
}

function productsOf(properties: Properties): Item[] {
  const { products } = properties
  return Array.isArray(products)
    ? products.filter(isPlainObject).map(toItem)
    : []
}

/**
 * Returns the items of a single-product event: the product its properties
 * describe, or, when they name none, the products they list.
 */
function productItems(properties: Properties): Item[] {
  const item = toItem(properties)
  const listed = productsOf(properties)
  return item.item_id || item.item_name || listed.length === 0 ? [item] : listed
}

/**
 * Sums price times quantity, rounded so that 19.99 * 3 is 59.97. Returns
 * undefined when no item has a price.
 */
function itemsValue(items: Item[]): number | undefined {
  let sum: number | undefined
  for (const { price, quantity } of items) {
    if (price !== undefined) sum = (sum || 0) + price * quantity
  }
  return sum === undefined ? sum : Math.round(sum * 1e6) / 1e6
}

/** Returns the first value that is neither undefined nor null. */
function first(...values: unknown[]): unknown {
  return values.find((value) => value !== undefined && value !== null)
}

/** Reads a finite number, or a string that parses as one. */
function amount(value: unknown): number | undefined {
  const number =
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number)
    ? number
    : undefined
}

/** Reads a non-empty string, or a finite number (a numeric id) as one. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined
  return typeof value === 'number' && Number.isFinite(value)
    ? String(value)
    : undefined
}

/** Copies an object without the keys whose value is undefined or null. */
export function compact<T extends object>(params: T): T {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) copy[key] = value
  }
  return copy as T
}
