import { defineStandIn, type StandIn } from '../stand-in'

/** Floodlight's activity iframes and its cookie-matching image. */
const PIXEL_URL = /^https:\/\/[^/]*doubleclick\.net[/:]/i

/**
 * Stands in for DoubleClick Floodlight's pixels: the activity iframes
 * (`<advertiser>.fls.doubleclick.net/activityi;...`) and the cookie-matching
 * image (`cm.g.doubleclick.net/pixel?...`). Floodlight loads no script, so
 * each request is the call, recorded as
 * `{ vendor: 'doubleclick-floodlight', args: [{ element: 'iframe', url }] }`.
 */
export function floodlightStandIn(): StandIn {
  return defineStandIn({
    vendor: 'doubleclick-floodlight',
    urls: [PIXEL_URL],
    elements: ['img', 'iframe'],
    globals: [],
    install({ request, record }) {
      record([{ element: request.element, url: request.url }])
    },
  })
}
