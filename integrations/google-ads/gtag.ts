import { readGlobal, writeGlobal } from '../../src/global-scope'

type Gtag = (...args: unknown[]) => void

/**
 * Sets up `dataLayer` and `gtag` as Google's snippet does, keeping any that
 * the page or another Google destination already made. Commands pushed
 * before gtag.js arrives wait in the data layer.
 */
export function installGtag(): void {
  if (!Array.isArray(readGlobal('dataLayer'))) writeGlobal('dataLayer', [])
  if (typeof readGlobal('gtag') === 'function') return
  writeGlobal('gtag', function gtag() {
    // gtag.js reads `arguments` objects from the data layer, not arrays.
    // eslint-disable-next-line prefer-rest-params
    readGlobal<unknown[]>('dataLayer')?.push(arguments)
  })
}

export function gtag(...args: unknown[]): void {
  readGlobal<Gtag>('gtag')?.(...args)
}

/** gtag.js replaces the data layer's `push` once it has loaded. */
export function gtagLoaded(): boolean {
  const layer = readGlobal<unknown[]>('dataLayer')
  return Array.isArray(layer) && layer.push !== Array.prototype.push
}
