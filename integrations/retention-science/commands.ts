import type { Track } from '@segment/facade'
import {
  mapEvent,
  normalizeEventName,
  ownEntry,
} from '../../src/integration/mappings'
import { isPlainObject } from '../../src/message/merge'
import type { JSONObject } from '../../src/message/types'
import type { RetentionScienceOptions } from './index'

/** One `_rsq` command: its name, then at most one string or object of strings. */
export type Command =
  [name: string] | [name: string, value: string | Record<string, string>]

export interface Visitor {
  userId?: unknown
  email?: unknown
}

type Handler = (track: Track, head: Command[]) => Command[]

/** Retention Science takes strings only; a missing value is an empty one. */
function text(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

function texts(values: JSONObject): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(values)) result[key] = text(value)
  return result
}

/** Lists the commands every call starts with: site, on-site switch, user, email. */
export function visitorCommands(
  options: RetentionScienceOptions,
  visitor: Visitor,
): Command[] {
  return [
    ['_setSiteId', text(options.siteId)],
    // NOTE: spelled as in ReSci's published snippets. The fork sent
    // `_enableOnSite`; whether w.js accepts both spellings is unverified.
    ...(options.enableOnSite ? [['_enableOnsite'] as Command] : []),
    ['_setUserId', text(visitor.userId)],
    ['_setUserEmail', text(visitor.email)],
  ]
}

export function pageCommands(
  options: RetentionScienceOptions,
  visitor: Visitor,
): Command[] {
  return [...visitorCommands(options, visitor), ['_track']]
}

/** Builds an `_addItem` command from a product or from the properties. */
function item(product: unknown): Command {
  const fields = isPlainObject(product) ? product : {}
  const id = fields.product_id || fields.productId || fields.id || fields.sku
  return ['_addItem', texts({ id, name: fields.name, price: fields.price })]
}

const viewed: Handler = (track, head) => [
  ...head,
  item(track.properties()),
  ['_track'],
]

/** Sends the cart: the `products` list when there is one, else the one product. */
const cart: Handler = (track, head) => {
  const products = track.products()
  return [
    ...head,
    ...(products.length ? products : [track.properties()]).map(item),
    ['_setAction', 'shopping_cart'],
    ['_track'],
  ]
}

const checkout: Handler = (track, head) => [
  ...head,
  ['_addOrder', texts({ id: track.orderId(), total: track.revenue() })],
  ...track.products().map(item),
  ['_setAction', 'checkout_success'],
  ['_track'],
]

/** E-commerce spec events by normalized name, in v2 and v1 wording. */
const ECOMMERCE: Record<string, Handler> = {
  productviewed: viewed,
  viewedproduct: viewed,
  productadded: cart,
  addedproduct: cart,
  ordercompleted: checkout,
  completedorder: checkout,
}

const RESERVED: Record<string, Handler> = {
  shopping_cart: cart,
  checkout_success: checkout,
}

/**
 * Lists the commands for a track call. The first rule that applies wins: an
 * e-commerce event, then `reservedMappings`, then `customMappings`. An
 * unmapped event is sent as its own action, with the properties as parameters.
 */
export function trackCommands(
  track: Track,
  options: RetentionScienceOptions,
  visitor: Visitor,
): Command[] {
  const event = track.event()
  const head = visitorCommands(options, visitor)
  const ecommerce = ownEntry(ECOMMERCE, normalizeEventName(event))
  if (ecommerce) return ecommerce(track, head)

  const reserved = mapEvent(options.reservedMappings, event)
  if (reserved.length) {
    return reserved.flatMap((action) => {
      const handler = ownEntry(RESERVED, text(action))
      return handler ? handler(track, head) : []
    })
  }

  const custom = mapEvent(options.customMappings, event)
  return (custom.length ? custom : [event]).flatMap((action): Command[] => [
    ...head,
    ['_setAction', text(action)],
    ['_setParams', texts(track.properties())],
    ['_track'],
  ])
}
