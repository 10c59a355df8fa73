import { defineStandIn, type StandIn } from '../stand-in'

interface FbqGlobal {
  (...args: unknown[]): void
  callMethod?: (...args: unknown[]) => void
  queue?: unknown[]
}

/**
 * Stands in for Facebook's fbevents.js. Like the real script it takes over
 * the `fbq` stub the destination set up: it sets `fbq.callMethod`, which the
 * stub calls from then on, and handles the calls the stub queued, in order.
 * Each call is recorded as
 * `{ vendor: 'facebook-pixel', args: ['trackSingle', '123', 'Purchase', {...}, {...}] }`.
 * The stub's own fields (agent, version, ...) stay as the page set them.
 */
export function facebookPixelStandIn(): StandIn {
  return defineStandIn({
    vendor: 'facebook-pixel',
    urls: ['https://connect.facebook.net/'],
    globals: ['fbq', '_fbq'],
    install({ page, record }) {
      let fbq = page.fbq as FbqGlobal | undefined
      if (typeof fbq !== 'function') {
        // No stub on the page: make one, as the real script accepts calls.
        const stub: FbqGlobal = (...args: unknown[]) =>
          stub.callMethod?.(...args)
        stub.queue = []
        page.fbq = fbq = stub
      }
      // A second copy of the script leaves the first in charge.
      if (fbq.callMethod) return

      fbq.callMethod = (...args: unknown[]) => record(args)
      const queued = fbq.queue ?? []
      fbq.queue = []
      for (const args of queued) record(Array.prototype.slice.call(args))
    },
  })
}
