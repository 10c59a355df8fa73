import { getDocument } from '../global-scope'

export interface LoadOptions {
  /** Content-Security-Policy nonce copied onto the tag. */
  nonce?: string
  /** Extra attributes, set with setAttribute (never parsed as HTML). */
  attributes?: Record<string, string>
}

const pending = new Map<string, Promise<HTMLScriptElement>>()

type UrlRewrite = (url: string) => string
let rewriteUrl: UrlRewrite | undefined

/** The tag each loader function inserts. */
export type LoadKind = 'script' | 'img' | 'iframe'

/**
 * Takes over one load in place of the network: returns a promise of a tag
 * that is never inserted, or undefined to let the loader insert the tag.
 */
export type LoadInterceptor = <K extends LoadKind>(
  kind: K,
  url: string,
) => Promise<HTMLElementTagNameMap[K]> | undefined

let interceptLoad: LoadInterceptor | undefined

/**
 * Sets a function that receives each vendor URL after the rewrite and may
 * load a stand-in instead; undefined removes it. Only the test kit
 * (`clickstream-analytics/testing`) sets it, so bundles that do not import
 * the kit never assign it and the minifier drops the checks.
 */
export function setLoadInterceptor(
  interceptor: LoadInterceptor | undefined,
): void {
  interceptLoad = interceptor
}

/**
 * Sets a function that maps each vendor URL before it is loaded, e.g. to
 * self-hosted copies of vendor scripts; undefined removes it. The
 * `vendorScriptUrl` load option sets it.
 */
export function setVendorUrlRewrite(rewrite: UrlRewrite | undefined): void {
  rewriteUrl = rewrite
}

/** Turns the `vendorScriptUrl` load option (a function or a prefix map) into a rewrite. */
export function toUrlRewrite(
  option: UrlRewrite | Record<string, string> | undefined,
): UrlRewrite | undefined {
  if (typeof option === 'function') return option
  if (typeof option !== 'object' || option === null) return undefined

  const prefixes = Object.entries(option).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  )
  return (url) => {
    for (const [prefix, replacement] of prefixes) {
      if (url.startsWith(prefix)) return replacement + url.slice(prefix.length)
    }
    return url
  }
}

function resolveUrl(url: string): string {
  if (!rewriteUrl) return url
  const rewritten = rewriteUrl(url)
  return typeof rewritten === 'string' && rewritten ? rewritten : url
}

/**
 * Accepts only http(s) and protocol-relative URLs, so no option value can
 * turn into a `javascript:` or `data:` script.
 */
export function assertLoadableUrl(url: string): void {
  if (!/^(https?:)?\/\/[^/]/i.test(url) && !/^\/[^/]/.test(url)) {
    throw new TypeError(
      `Refusing to load ${JSON.stringify(url)}: only http(s) URLs and paths can be loaded.`,
    )
  }
}

/**
 * Injects a script once per URL and settles when it loads or fails. A second
 * call for the same URL shares the first one's promise; a failed script is
 * removed and forgotten, so a later call tries again.
 */
export function loadScript(
  requested: string,
  options: LoadOptions = {},
): Promise<HTMLScriptElement> {
  return loadTag('script', requested, options)
}

/** Requests a tracking pixel and settles when the image loads or fails. */
export function loadImage(
  requested: string,
  options: LoadOptions = {},
): Promise<HTMLImageElement> {
  return loadTag('img', requested, options)
}

/** Adds a hidden iframe and settles when it loads. */
export function loadIframe(
  requested: string,
  options: LoadOptions = {},
): Promise<HTMLIFrameElement> {
  return loadTag('iframe', requested, options)
}

/**
 * Loads one tag of `kind` from the rewritten, checked URL. Scripts and
 * iframes go before the page's first script; an image only needs its
 * request, so it is never inserted.
 */
function loadTag<K extends LoadKind>(
  kind: K,
  requested: string,
  options: LoadOptions,
): Promise<HTMLElementTagNameMap[K]> {
  const url = resolveUrl(requested)
  assertLoadableUrl(url)
  const isScript = kind === 'script'
  const existing = isScript ? pending.get(url) : undefined
  if (existing) return existing as Promise<HTMLElementTagNameMap[K]>

  const doc = getDocument()
  if (!doc)
    return Promise.reject(new Error(`Cannot load ${url} outside a browser.`))

  const promise =
    interceptLoad?.(kind, url) ??
    new Promise<HTMLElementTagNameMap[K]>((resolve, reject) => {
      const tag = doc.createElement(kind)
      // One view with the properties of every kind; each is set only on
      // the kind that has it.
      const element = tag as HTMLScriptElement & HTMLImageElement
      if (isScript) {
        element.async = true
        element.src = url
      }
      if (options.nonce) tag.setAttribute('nonce', options.nonce)
      for (const [name, value] of Object.entries(options.attributes || {})) {
        tag.setAttribute(name, value)
      }
      if (kind === 'img') element.width = element.height = 1
      if (kind === 'iframe') tag.style.display = 'none'
      tag.addEventListener('load', () => resolve(tag))
      tag.addEventListener('error', () => {
        if (isScript) {
          pending.delete(url)
          tag.remove()
        }
        reject(new Error(failureMessage(kind, url)))
      })
      if (!isScript) element.src = url
      if (kind !== 'img') insert(doc, tag)
    })
  if (isScript) pending.set(url, promise as Promise<HTMLScriptElement>)
  return promise
}

function failureMessage(kind: LoadKind, url: string): string {
  return kind === 'script'
    ? `The script ${url} failed to load (blocked, offline or missing).`
    : `The ${kind === 'img' ? 'image' : kind} ${url} failed to load.`
}

function insert(doc: Document, element: HTMLElement): void {
  const anchor = doc.getElementsByTagName('script')[0]
  if (anchor && anchor.parentNode)
    anchor.parentNode.insertBefore(element, anchor)
  else (doc.head || doc.body || doc.documentElement).appendChild(element)
}

/** Forgets loaded URLs; tests call it between cases. */
export function resetLoadedScripts(): void {
  pending.clear()
}
