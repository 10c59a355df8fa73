import { getDocument, getNavigator, getWindow } from '../global-scope'

/**
 * True only when the browser reports no network. `navigator.onLine` being
 * true proves little (a captive portal, a dead router), so sending goes on.
 */
export function isOffline(): boolean {
  const navigator = getNavigator()
  return !!navigator && navigator.onLine === false
}

/**
 * Calls `onExit` when the page may be about to go away: when it becomes
 * hidden, because a hidden page can be discarded without another event, and
 * on `pagehide`. `final` is true only for a `pagehide` that does not keep
 * the page in the back/forward cache, after which nothing of the page runs.
 * Both can fire for one exit, and a hidden tab may come back. Calls
 * `onOnline` on each `online` event. Returns a function that removes the
 * listeners.
 */
export function watchPage(
  onExit: (final: boolean) => void,
  onOnline: () => void,
): () => void {
  const document = getDocument()
  const window = getWindow()
  const listeners: Array<[EventTarget | undefined, string, EventListener]> = [
    [
      document,
      'visibilitychange',
      () => {
        if (document!.visibilityState === 'hidden') onExit(false)
      },
    ],
    [
      window,
      'pagehide',
      (event) => onExit(!(event as PageTransitionEvent).persisted),
    ],
    [window, 'online', onOnline],
  ]
  for (const [target, type, listener] of listeners) {
    if (target) target.addEventListener(type, listener)
  }
  return () => {
    for (const [target, type, listener] of listeners) {
      if (target) target.removeEventListener(type, listener)
    }
  }
}
