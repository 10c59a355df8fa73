import type { Page, Track } from '@segment/facade'
import { normalizeEventName } from '../../src/integration/mappings'
import type { JSONObject } from '../../src/message/types'

/**
 * Builds the parameters of a page load conversion: the page's properties
 * and `send_to`. The call options add `value`, `currency` and the order ID
 * as `transaction_id`, because page properties do not carry them.
 */
export function pageParameters(
  page: Page,
  target: string,
  callOptions: JSONObject = {},
): JSONObject {
  const parameters: JSONObject = { ...page.properties(), send_to: target }
  const orderKey = Object.keys(callOptions).find(
    (key) => normalizeEventName(key) === 'orderid',
  )
  const extra: JSONObject = {
    value: callOptions.value,
    currency: callOptions.currency,
    transaction_id: orderKey === undefined ? undefined : callOptions[orderKey],
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== null) parameters[key] = value
  }
  return parameters
}

const ORDER_COMPLETED = ['ordercompleted', 'completedorder']

/**
 * Builds the parameters of a click conversion: the event's properties with
 * the order ID as `transaction_id`, plus `send_to`. For Order Completed,
 * the revenue (else the total) becomes `value`, which Google Ads reads.
 */
export function clickParameters(track: Track, target: string): JSONObject {
  const order = ORDER_COMPLETED.includes(normalizeEventName(track.event()))
  const renamed = order
    ? {
        orderId: 'transaction_id',
        order_id: 'transaction_id',
        revenue: 'value',
      }
    : { orderId: 'transaction_id' }
  return { ...(track.properties(renamed) as JSONObject), send_to: target }
}
