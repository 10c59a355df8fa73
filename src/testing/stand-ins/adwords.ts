import { defineStandIn, type StandIn } from '../stand-in'

/**
 * Stands in for Google's asynchronous conversion tag, conversion_async.js,
 * which the AdWords destination loads. Like the real script it defines
 * `window.google_trackConversion(parameters)`, which keeps no queue of
 * earlier calls. Each call is recorded as
 * `{ vendor: 'adwords', args: [{ google_conversion_id: 978352801, ... }] }`,
 * with the parameters copied, so a later change to the caller's object does
 * not alter the record.
 */
export function adwordsStandIn(): StandIn {
  return defineStandIn({
    vendor: 'adwords',
    urls: ['https://www.googleadservices.com/pagead/conversion_async.js'],
    globals: ['google_trackConversion'],
    install({ page, record }) {
      if (typeof page.google_trackConversion === 'function') return
      page.google_trackConversion = (parameters: unknown) => {
        record([JSON.parse(JSON.stringify(parameters)) as unknown])
        return true
      }
    },
  })
}
