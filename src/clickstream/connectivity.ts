import { getNavigator, getWindow } from '../global-scope'

/**
 * True only when the browser reports no network. `navigator.onLine` being
 * true proves little (a captive portal, a dead router), so sending goes on.
 */
export function isOffline(): boolean {
  return getNavigator()?.onLine === false
}

/** Calls `onOnline` on each `online` event. Returns a function that removes the listener. */
export function watchOnline(onOnline: () => void): () => void {
  const window = getWindow()
  window?.addEventListener('online', onOnline)
  return () => window?.removeEventListener('online', onOnline)
}
