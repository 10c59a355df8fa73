import { getWindow } from '../global-scope'

/**
 * One call a stand-in recorded, e.g.
 * `{ vendor: 'facebook-pixel', args: ['trackSingle', '123', 'Purchase', {...}] }`.
 * The stand-in scripts in test/fixtures/vendors record the same shape.
 */
export interface VendorCall {
  /** The vendor API that received the call, e.g. `gtag` or `facebook-pixel`. */
  vendor: string
  /** The arguments the vendor API received, in order. */
  args: unknown[]
  /** The data layer a gtag.js or gtm.js stand-in read the call from. */
  dataLayer?: string
}

/**
 * The page globals that stand-ins share: `__vendorCalls` keeps every call in
 * order, and `__onVendorCall`, when a page sets it, is called with each one
 * as it happens (the demo shows vendor calls with it).
 */
interface RecordingScope {
  __vendorCalls?: VendorCall[]
  __onVendorCall?: (call: VendorCall) => void
}

function scope(): RecordingScope | undefined {
  return getWindow() as RecordingScope | undefined
}

/** Appends a call to `window.__vendorCalls`, where every stand-in records. */
export function recordVendorCall(call: VendorCall): void {
  const page = scope()
  if (!page) return
  ;(page.__vendorCalls ??= []).push(call)
  if (typeof page.__onVendorCall === 'function') page.__onVendorCall(call)
}

/** Returns the calls recorded so far, or only those of one vendor. */
export function readVendorCalls(vendor?: string): VendorCall[] {
  const calls = scope()?.__vendorCalls ?? []
  return vendor ? calls.filter((call) => call.vendor === vendor) : [...calls]
}

/** Forgets every recorded call. */
export function clearVendorCalls(): void {
  const page = scope()
  if (page) delete page.__vendorCalls
}
