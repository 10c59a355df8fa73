/**
 * The only module of the core that reads browser globals. Every accessor
 * returns undefined where the global is missing (Node, SSR, workers), so the
 * rest of the core runs under happy-dom and in Node unchanged.
 */

export function getWindow(): (Window & typeof globalThis) | undefined {
  return typeof window === 'undefined' ? undefined : window
}

export function getDocument(): Document | undefined {
  return typeof document === 'undefined' ? undefined : document
}

export function getNavigator(): Navigator | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator
}

export function getLocation(): Location | undefined {
  return getWindow()?.location
}

/** Returns a storage area, or undefined where reading the property throws. */
export function getStorage(
  kind: 'localStorage' | 'sessionStorage',
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
  return typeof console === 'undefined' ? undefined : console
}

export function getFetch(): typeof fetch | undefined {
  return typeof fetch === 'undefined' ? undefined : fetch.bind(globalThis)
}

export function getCrypto(): Crypto | undefined {
  return typeof crypto === 'undefined' ? undefined : crypto
}

export function isBrowser(): boolean {
  return getWindow() !== undefined && getDocument() !== undefined
}
