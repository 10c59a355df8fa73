import { expect } from 'chai'

import {
  candidateDomains,
  clearTopDomainCache,
  findTopDomain,
} from '../../../src/identity/cookie-domain'
import { createUser } from '../../../src/identity/user'

const DAY_MS = 24 * 60 * 60 * 1000

/** The fields Chromium returns beyond the name and value in lib.dom. */
interface CookieDetails extends CookieListItem {
  domain?: string | null
  path?: string
  expires?: number | null
  secure?: boolean
  sameSite?: string
}

async function cookieDetails(name: string): Promise<CookieDetails> {
  const details = (await cookieStore.get(name)) as CookieDetails | null
  if (!details) throw new Error(`cookie ${name} not found`)
  return details
}

function clearCookies(): void {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim()
    if (!name) continue

    const expired = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
    document.cookie = expired
    document.cookie = `${expired}; domain=${location.hostname}`
  }
}

function newUser(options = {}) {
  return createUser({ generateId: () => 'anon-1', ...options })
}

// Karma serves this page on http://127.0.0.1, a secure context without a
// registrable domain: cookies there are host-only, and cookieStore exists.
describe('cookies in Chromium', () => {
  afterEach(() => {
    clearCookies()
    localStorage.clear()
    clearTopDomainCache()
  })

  describe('default attributes', () => {
    it('writes a host-only cookie', async () => {
      newUser().id('user-42')

      const details = await cookieDetails('ajs_user_id')

      expect(details.domain).to.equal(null)
    })

    it('writes the JSON value encoded', () => {
      newUser().id('user-42')

      expect(document.cookie).to.contain('ajs_user_id=%22user-42%22')
    })

    it('uses the root path', async () => {
      newUser().id('user-42')

      const details = await cookieDetails('ajs_user_id')

      expect(details.path).to.equal('/')
    })

    it('expires in 365 days', async () => {
      const expected = Date.now() + 365 * DAY_MS

      newUser().id('user-42')

      const details = await cookieDetails('ajs_user_id')
      expect(details.expires).to.be.closeTo(expected, 60_000)
    })

    it('uses SameSite Lax', async () => {
      newUser().id('user-42')

      const details = await cookieDetails('ajs_user_id')

      expect(details.sameSite).to.equal('lax')
    })

    it('omits Secure on http', async () => {
      newUser().id('user-42')

      const details = await cookieDetails('ajs_user_id')

      expect(details.secure).to.equal(false)
    })
  })

  describe('cookie options', () => {
    it('takes maxage in days', async () => {
      const expected = Date.now() + 7 * DAY_MS

      newUser({ cookie: { maxage: 7 } }).id('user-42')

      const details = await cookieDetails('ajs_user_id')
      expect(details.expires).to.be.closeTo(expected, 60_000)
    })

    it('takes SameSite Strict', async () => {
      newUser({ cookie: { sameSite: 'Strict' } }).id('user-42')

      const details = await cookieDetails('ajs_user_id')

      expect(details.sameSite).to.equal('strict')
    })

    it('takes Secure on a trustworthy host', async () => {
      newUser({ cookie: { secure: true } }).id('user-42')

      const details = await cookieDetails('ajs_user_id')

      expect(details.secure).to.equal(true)
    })

    // Chromium stores a domain equal to an IP host as a host-only cookie,
    // so the check is that the cookie is accepted, not its domain field.
    it('accepts the page host as domain', async () => {
      newUser({ cookie: { domain: location.hostname } }).id('user-42')

      const details = await cookieDetails('ajs_user_id')

      expect(details.value).to.equal('%22user-42%22')
    })
  })

  describe('top domain probe', () => {
    it('finds no domain on the karma host', () => {
      const domain = findTopDomain()

      expect(domain).to.equal(undefined)
    })

    it('has no candidates on an IP address', () => {
      expect(candidateDomains('127.0.0.1')).to.deep.equal([])
    })

    it('has no candidates on localhost', () => {
      expect(candidateDomains('localhost')).to.deep.equal([])
    })

    it('sees Chromium reject a foreign domain', () => {
      const domain = findTopDomain('shop.example.test')

      expect(domain).to.equal(undefined)
    })

    it('leaves no probe cookie', () => {
      findTopDomain('shop.example.test')

      expect(document.cookie).not.to.contain('cs_domain_probe')
    })
  })

  describe('reset', () => {
    it('removes the id cookies', () => {
      const user = newUser()
      user.identify('user-42', { plan: 'pro' })
      user.anonymousId()

      user.reset()

      expect(document.cookie).not.to.contain('ajs_')
    })
  })
})
