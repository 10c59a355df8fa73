/**
 * The only module of the core that reads browser globals. Every accessor
 * returns undefined where the global is missing (Node, SSR, workers), so the
 * rest of the core runs under happy-dom and in Node unchanged.
 */

/** The global object, whose browser globals may be missing (then undefined). */
const scope = globalThis as Partial<Window & typeof globalThis>

export function getWindow(): (Window & typeof globalThis) | undefined {
  return scope.window
}

export function getDocument(): Document | undefined {
  return scope.document
}

export function getNavigator(): Navigator | undefined {
  return scope.navigator
}

export function getLocation(): Location | undefined {
  return getWindow()?.location
}

/**
 * Returns localStorage, or the storage area `kind` names, or undefined
 * where reading the property throws.
 */
export function getStorage(
  kind: 'localStorage' | 'sessionStorage' = 'localStorage',
): Storage | undefined {
  try {
    return getWindow()?.[kind] ?? undefined
  } catch {
    // Sandboxed frames and some private modes throw on mere property access.
    return undefined
  }
}

/** Reads a global such as a vendor's `fbq`; destinations use this helper. */
export function readGlobal<T = unknown>(name: string): T | undefined {
  const scope = getWindow() as unknown as Record<string, unknown> | undefined
  return scope?.[name] as T | undefined
}

/** Writes a global such as a vendor stub; destinations use this helper. */
export function writeGlobal(name: string, value: unknown): void {
  const scope = getWindow() as unknown as Record<string, unknown> | undefined
  if (scope) scope[name] = value
}

export function getConsole(): Console | undefined {
  return scope.console
}

export function getFetch(): typeof fetch | undefined {
  return scope.fetch?.bind(globalThis)
}

export function getCrypto(): Crypto | undefined {
  return scope.crypto
}

export function isBrowser(): boolean {
  return !!scope.window && !!scope.document
}

/**
 * Resolves in a later task, so the browser can paint and handle input in
 * between. A message channel is not throttled in a hidden tab, unlike
 * `setTimeout`. Without one, resolves after the current microtasks.
 */
export function nextTask(): Promise<void> {
  const Channel = getWindow()?.MessageChannel
  if (!Channel) return Promise.resolve()
  return new Promise((resolve) => {
    const channel = new Channel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(undefined)
  })
}
