// Loaded by mocha before the unit specs (test/unit/.mocharc.json). Installs a
// happy-dom window as the global scope, at a URL with a real origin so that
// cookies and localStorage work. After each test it removes what the test
// left behind: storage, cookies, elements in <head> and <body>, and a URL
// changed with happyDOM.setURL(). Set up DOM state in beforeEach, not before.
import { GlobalRegistrator } from '@happy-dom/global-registrator'

export const TEST_PAGE_URL = 'http://shop.example.test/'

GlobalRegistrator.register({
  url: TEST_PAGE_URL,
  settings: {
    // Scripts are neither fetched nor run here: an inserted <script> fires
    // `error` at once and logs a DOMException. test/browser runs real
    // scripts in Chromium.
    disableJavaScriptFileLoading: true,
  },
})

interface HappyDomApi {
  setURL(url: string): void
}

function happyDom(): HappyDomApi {
  return (globalThis as unknown as { happyDOM: HappyDomApi }).happyDOM
}

/** Returns the host and every parent domain, each with and without a dot. */
function cookieDomains(hostname: string): string[] {
  const labels = hostname.split('.')
  const domains: string[] = []
  for (let start = 0; start < labels.length - 1; start++) {
    const domain = labels.slice(start).join('.')
    domains.push(domain, `.${domain}`)
  }
  return domains
}

/** Returns "/" and every folder prefix of the current path. */
function cookiePaths(pathname: string): string[] {
  const paths = ['/']
  const segments = pathname.split('/').filter(Boolean)
  for (let end = 1; end <= segments.length; end++) {
    paths.push(`/${segments.slice(0, end).join('/')}`)
  }
  return paths
}

/**
 * Expires every cookie the document can read, trying each domain and path
 * it could have been set with, because a cookie is deleted only by a
 * Set-Cookie that repeats both.
 */
function clearCookies(): void {
  const names = document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0]?.trim())
    .filter((name): name is string => Boolean(name))
  const expired = 'expires=Thu, 01 Jan 1970 00:00:00 GMT'
  for (const name of names) {
    for (const cookiePath of cookiePaths(location.pathname)) {
      document.cookie = `${name}=; ${expired}; path=${cookiePath}`
      for (const domain of cookieDomains(location.hostname)) {
        document.cookie = `${name}=; ${expired}; path=${cookiePath}; domain=${domain}`
      }
    }
  }
}

function resetPage(): void {
  localStorage.clear()
  sessionStorage.clear()
  clearCookies()
  if (location.href !== TEST_PAGE_URL) {
    happyDom().setURL(TEST_PAGE_URL)
    clearCookies()
  }
  document.head.replaceChildren()
  document.body.replaceChildren()
}

export const mochaHooks = {
  afterEach(): void {
    resetPage()
  },
  async afterAll(): Promise<void> {
    // Closing the window stops its timers, so mocha can exit on its own.
    await GlobalRegistrator.unregister()
  },
}
