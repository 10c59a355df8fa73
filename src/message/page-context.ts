import { getDocument, getLocation } from '../global-scope'
import type { PageContext } from './types'

/**
 * The page context the snippet's stub records with each buffered call
 * (`__t: 'bpc'`), so a replayed call carries the page it was made on.
 */
export interface BufferedPageContext {
  __t: 'bpc'
  c?: string
  p: string
  u: string
  s: string
  t: string
  r: string
}

export function isBufferedPageContext(
  value: unknown,
): value is BufferedPageContext {
  return (value as { __t?: unknown } | null | undefined)?.__t === 'bpc'
}

/** Captures the current page as the snippet's stub would. */
export function capturePageContext(): BufferedPageContext {
  const doc = getDocument()
  const location = getLocation()
  const canonical = doc
    ?.querySelector?.("link[rel='canonical']")
    ?.getAttribute('href')
  return {
    __t: 'bpc',
    c: canonical ?? undefined,
    p: location?.pathname ?? '',
    u: location?.href ?? '',
    s: location?.search ?? '',
    t: doc?.title ?? '',
    r: doc?.referrer ?? '',
  }
}

/**
 * Builds `context.page`. A canonical link, when present, gives the url and
 * path, keeping the current query string when the canonical one has none.
 */
export function toPageContext(buffered: BufferedPageContext): PageContext {
  const { c: canonical, s: search } = buffered
  const url = !canonical
    ? buffered.u
    : canonical.includes('?')
      ? canonical
      : canonical + search
  return {
    path: canonical ? canonicalPath(canonical) : buffered.p,
    referrer: buffered.r,
    search,
    title: buffered.t,
    url: url.split('#')[0]!,
  }
}

function canonicalPath(canonical: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(canonical)
  return (match ? match[1] : canonical.split(/[?#]/)[0]) || '/'
}
