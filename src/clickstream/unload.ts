import { getDocument, getWindow } from '../global-scope'

/**
 * Calls `onExit` when the page may be about to go away: when it becomes
 * hidden, because a hidden page can be discarded without another event, and
 * on `pagehide`.
 * Both can fire for one exit, and a hidden tab may come back. Returns a
 * function that removes the listeners.
 */
export function watchPageExit(onExit: () => void): () => void {
  const document = getDocument()
  const window = getWindow()

  const onVisibilityChange = (): void => {
    if (document?.visibilityState === 'hidden') onExit()
  }
  document?.addEventListener('visibilitychange', onVisibilityChange)
  window?.addEventListener('pagehide', onExit)

  return () => {
    document?.removeEventListener('visibilitychange', onVisibilityChange)
    window?.removeEventListener('pagehide', onExit)
  }
}
