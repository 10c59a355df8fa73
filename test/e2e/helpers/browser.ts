import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core'

import {
  CHROMIUM_FLAGS,
  findChromium,
} from '../../../scripts/find-chromium.mjs'

/**
 * Resolves `*.example.test` to 127.0.0.1 and every other host name to
 * nothing, so a page under test cannot reach another machine by name.
 */
const RESOLVER_RULES =
  '--host-resolver-rules=MAP *.example.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'

/** Starts the system Chromium; no browser is ever downloaded. */
export function launchBrowser(): Promise<Browser> {
  const args = CHROMIUM_FLAGS.filter(
    (flag) => !flag.startsWith('--host-resolver-rules='),
  )
  args.push(RESOLVER_RULES)
  return chromium.launch({ executablePath: findChromium(), args })
}

/** A page in a fresh context, with what went wrong on it collected. */
export interface WatchedPage {
  context: BrowserContext
  page: Page
  /** Page errors, console errors and requests to non-local hosts. */
  problems: string[]
  close(): Promise<void>
}

export async function openWatchedPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems: string[] = []

  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`)
    }
  })
  // IP literals skip the resolver rules, so requests are checked here too.
  context.on('request', (request) => {
    if (!isLocalUrl(request.url())) {
      problems.push(`request to a non-local host: ${request.url()}`)
    }
  })

  return { context, page, problems, close: () => context.close() }
}

function isLocalUrl(url: string): boolean {
  const parsed = new URL(url)
  if (!parsed.protocol.startsWith('http')) return true
  return (
    parsed.hostname === '127.0.0.1' || parsed.hostname.endsWith('.example.test')
  )
}
