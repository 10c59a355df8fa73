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
 * call for the same URL shares the first one's promise.
 */
export function loadScript(
  requested: string,
  options: LoadOptions = {},
): Promise<HTMLScriptElement> {
  const url = resolveUrl(requested)
  assertLoadableUrl(url)
  const existing = pending.get(url)
  if (existing) return existing

  const doc = getDocument()
  if (!doc)
    return Promise.reject(new Error(`Cannot load ${url} outside a browser.`))

  const intercepted = interceptLoad?.('script', url)
  if (intercepted) {
    pending.set(url, intercepted)
    return intercepted
  }
  const promise = new Promise<HTMLScriptElement>((resolve, reject) => {
    const script = doc.createElement('script')
    script.async = true
    script.src = url
    applyOptions(script, options)
    script.addEventListener('load', () => resolve(script))
    script.addEventListener('error', () => {
      pending.delete(url)
      script.remove()
      reject(
        new Error(
          `The script ${url} failed to load (blocked, offline or missing).`,
        ),
      )
    })
    insert(doc, script)
  })
  pending.set(url, promise)
  return promise
}

/** Requests a tracking pixel and settles when the image loads or fails. */
export function loadImage(
  requested: string,
  options: LoadOptions = {},
): Promise<HTMLImageElement> {
  const url = resolveUrl(requested)
  assertLoadableUrl(url)
  const doc = getDocument()
  if (!doc)
    return Promise.reject(new Error(`Cannot load ${url} outside a browser.`))

  const intercepted = interceptLoad?.('img', url)
  if (intercepted) return intercepted
  return new Promise((resolve, reject) => {
    const image = doc.createElement('img')
    applyOptions(image, options)
    image.addEventListener('load', () => resolve(image))
    image.addEventListener('error', () =>
      reject(new Error(`The image ${url} failed to load.`)),
    )
    image.width = 1
    image.height = 1
    image.src = url
  })
}

/** Adds a hidden iframe and settles when it loads. */
export function loadIframe(
  requested: string,
  options: LoadOptions = {},
): Promise<HTMLIFrameElement> {
  const url = resolveUrl(requested)
  assertLoadableUrl(url)
  const doc = getDocument()
  if (!doc)
    return Promise.reject(new Error(`Cannot load ${url} outside a browser.`))

  const intercepted = interceptLoad?.('iframe', url)
  if (intercepted) return intercepted
  return new Promise((resolve, reject) => {
    const frame = doc.createElement('iframe')
    applyOptions(frame, options)
    frame.style.display = 'none'
    frame.addEventListener('load', () => resolve(frame))
    frame.addEventListener('error', () =>
      reject(new Error(`The iframe ${url} failed to load.`)),
    )
    frame.src = url
    insert(doc, frame)
  })
}

function applyOptions(element: HTMLElement, options: LoadOptions): void {
  if (options.nonce) element.setAttribute('nonce', options.nonce)
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    element.setAttribute(name, value)
  }
}

function insert(doc: Document, element: HTMLElement): void {
  const anchor = doc.getElementsByTagName('script')[0]
  if (anchor?.parentNode) anchor.parentNode.insertBefore(element, anchor)
  else (doc.head ?? doc.body ?? doc.documentElement).appendChild(element)
}

/** Forgets loaded URLs; tests call it between cases. */
export function resetLoadedScripts(): void {
  pending.clear()
}
