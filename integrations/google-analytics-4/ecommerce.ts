import { toId } from '../../src/identity/stored-value'
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

// Parameter rules, separated by spaces, applied in order:
//   a          the property `a` as text, sent as `a`
//   a=b|c      the property `b`, else `c`, as text, sent as `a`
//   #a=b|c     the first of `b`, `c` that reads as a number, sent as `a`
//   a:x        the constant text `x`, sent as `a`
//   $value=b|c `value` as `#value=b|c` would read it, else the sum of the
//              items, and `currency`, which is USD when a value is sent
//   +          `items`: the product the properties describe (a
//              single-product event), or the products they list
//   *          `items`: the products the properties list, if any
// Text is read as toId reads an id: a non-empty string, or a finite number
// as its digits. A rule whose property has no such value sends nothing.
const ITEM =
  'item_id=product_id|id|sku item_name=name item_brand=brand ' +
  'item_category=category item_variant=variant coupon ' +
  '#index=position #price #quantity'
const LIST = ' item_list_id=list_id item_list_name=category *'
// A product's value is its own `value`, but an order's is `revenue`, else
// `total`.
const PRODUCT = ' $value +'
const CHECKOUT = ' coupon $value=revenue|total|value *'
const ORDER = ' transaction_id=order_id affiliation #tax #shipping' + CHECKOUT
const PROMOTION =
  ' promotion_id promotion_name=name creative_name=creative creative_slot=position'
const SHARE = ' method=share_via content_type:'

/**
 * Segment's semantic events (e-commerce spec v2, plus Signed Up and Logged
 * In), under their normalized names: the GA4 recommended event each
 * becomes, then its parameter rules.
 */
const SPEC_EVENTS: Record<string, string> = {
  productssearched: 'search search_term=query',
  productlistviewed: 'view_item_list' + LIST,
  productlistfiltered: 'view_item_list' + LIST,
  productclicked: 'select_item +',
  productviewed: 'view_item' + PRODUCT,
  productadded: 'add_to_cart' + PRODUCT,
  productremoved: 'remove_from_cart' + PRODUCT,
  productaddedtowishlist: 'add_to_wishlist' + PRODUCT,
  productshared: 'share' + SHARE + 'product item_id=product_id|id|sku',
  cartviewed: 'view_cart $value=revenue|total|value *',
  cartshared: 'share' + SHARE + 'cart item_id=cart_id',
  checkoutstarted: 'begin_checkout' + CHECKOUT,
  paymentinfoentered: 'add_payment_info payment_type=payment_method' + CHECKOUT,
  ordercompleted: 'purchase' + ORDER,
  orderrefunded: 'refund' + ORDER,
  promotionviewed: 'view_promotion' + PROMOTION,
  promotionclicked: 'select_promotion' + PROMOTION,
  signedup: 'sign_up method',
  loggedin: 'login method',
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
  // Names such as `constructor` find the table's prototype, not a string.
  if (typeof spec !== 'string') return undefined
  const [name, ...rules] = spec.split(' ')
  let items = productsOf(properties)
  if (rules.includes('+')) {
    // The product the properties describe, unless they name none and list
    // products instead.
    const item = toItem(properties)
    if (item.item_id || item.item_name || items.length === 0) items = [item]
  }
  return { name: name!, params: pick(rules, properties, items) }
}

/**
 * Converts a Segment product to a GA4 item. `quantity` defaults to 1, as
 * Segment's spec reads a product without one.
 */
export function toItem(product: Properties): Item {
  return { quantity: 1, ...pick(ITEM.split(' '), product, []) }
}

/** Applies parameter rules to the properties. `$`, `+` and `*` read `items`. */
function pick(
  rules: string[],
  properties: Properties,
  items: Item[],
): EventParams {
  const params: EventParams = {}
  for (const rule of rules) {
    // `#a=b|c` splits into the kind `#`, the key `a` and the sources `b|c`.
    const [, kind, key, sources] = /^([#$]?)(\w*)[=:]?(.*)/.exec(rule)!
    let value: unknown
    if (rule.includes(':')) {
      value = sources
    } else {
      for (const source of (sources || key!).split('|')) {
        if (value == null)
          value = kind ? amount(properties[source]) : properties[source]
      }
    }
    if (kind === '$') {
      if (value === undefined) value = itemsValue(items)
      // GA4 needs a currency with every value, so USD is sent when the
      // properties name none, as Segment's spec assumes.
      const currency = value === undefined ? value : 'USD'
      set(params, 'currency', toId(properties.currency) || currency)
      set(params, 'value', value)
    } else if (key) {
      set(params, key, kind ? value : toId(value))
    } else if (rule === '+' || items.length > 0) {
      params.items = items
    }
  }
  return params
}

/** Sets `key` unless the value is undefined or null. */
function set(params: EventParams, key: string, value: unknown): void {
  if (value != null) params[key] = value
}

function productsOf(properties: Properties): Item[] {
  const { products } = properties
  return Array.isArray(products)
    ? products.filter(isPlainObject).map(toItem)
    : []
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

/** Reads a finite number, or a string that parses as one. */
function amount(value: unknown): number | undefined {
  const number =
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number)
    ? number
    : undefined
}

/** Copies an object without the keys whose value is undefined or null. */
export function compact<T extends object>(params: T): T {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) set(copy, key, value)
  return copy as T
}
