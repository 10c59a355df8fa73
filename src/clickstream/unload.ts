import { getDocument, getWindow } from '../global-scope'

/**
 * Calls `onExit` when the page may be about to go away: when it becomes
 * hidden, because a hidden page can be discarded without another event, and
 * on `pagehide`. `final` is true only for a `pagehide` that does not keep
 * the page in the back/forward cache, after which nothing of the page runs.
 * Both can fire for one exit, and a hidden tab may come back. Returns a
 * function that removes the listeners.
 */
export function watchPageExit(onExit: (final: boolean) => void): () => void {
  const document = getDocument()
  const window = getWindow()

  const onVisibilityChange = (): void => {
    if (document?.visibilityState === 'hidden') onExit(false)
  }
  const onPageHide = (event: Event): void => {
    onExit(!(event as PageTransitionEvent).persisted)
  }
  document?.addEventListener('visibilitychange', onVisibilityChange)
  window?.addEventListener('pagehide', onPageHide)

  return () => {
    document?.removeEventListener('visibilitychange', onVisibilityChange)
    window?.removeEventListener('pagehide', onPageHide)
  }
}
