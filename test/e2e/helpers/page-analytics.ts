import type { Page } from 'playwright-core'

/** The parts of `window.analytics` the tests call inside the page. */
interface PageAnalytics {
  track(event: string, properties?: object): unknown
  ready(callback: () => void): unknown
  [method: string]: unknown
}

declare global {
  interface Window {
    analytics: PageAnalytics
    /** Set by test pages when the bundle's script element fires `load`. */
    bundleLoaded?: boolean
  }
}

/** Resolves once `analytics.ready` has called back in the page. */
export function waitForReady(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => window.analytics.ready(() => resolve())),
  )
}

export function track(page: Page, event: string): Promise<void> {
  return page.evaluate((name) => {
    window.analytics.track(name)
  }, event)
}
