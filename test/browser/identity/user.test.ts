import { expect } from 'chai'
import sinon from 'sinon'

import { clearTopDomainCache } from '../../../src/identity/cookie-domain'
import type { IdentityOptions } from '../../../src/identity/types'
import { createUser } from '../../../src/identity/user'

function newUser(options: Partial<IdentityOptions> = {}) {
  let count = 0
  const generateId = (): string => {
    count += 1
    return `anon-${count}`
  }
  return createUser({ generateId, ...options })
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

function securityError(): DOMException {
  return new DOMException('The operation is insecure.', 'SecurityError')
}

describe('user identity in Chromium', () => {
  afterEach(() => {
    sinon.restore()
    clearCookies()
    localStorage.clear()
    clearTopDomainCache()
  })

  describe('throwing localStorage', () => {
    beforeEach(() => {
      sinon.stub(Storage.prototype, 'getItem').throws(securityError())
      sinon.stub(Storage.prototype, 'setItem').throws(securityError())
    })

    it('throws nothing', () => {
      const user = newUser()

      expect(() => user.anonymousId()).not.to.throw()
    })

    it('keeps the id in the cookie', () => {
      const user = newUser()

      user.anonymousId()

      expect(document.cookie).to.contain('ajs_anonymous_id=%22anon-1%22')
    })

    it('rereads the same id', () => {
      const first = newUser().anonymousId()

      const second = createUser({ generateId: () => 'other' }).anonymousId()

      expect(second).to.equal(first)
    })
  })

  describe('stored encodings', () => {
    it('reads a bare localStorage id', () => {
      localStorage.setItem('ajs_anonymous_id', 'abc-123')

      expect(newUser().anonymousId()).to.equal('abc-123')
    })

    it('reads a quoted localStorage id', () => {
      localStorage.setItem('ajs_anonymous_id', '"abc-123"')

      expect(newUser().anonymousId()).to.equal('abc-123')
    })

    it('reads a URI-encoded cookie id', () => {
      document.cookie = 'ajs_anonymous_id=%22abc-123%22; path=/'

      expect(newUser().anonymousId()).to.equal('abc-123')
    })
  })

  describe('cookie and localStorage disagree', () => {
    beforeEach(() => {
      document.cookie = 'ajs_user_id=%22from-cookie%22; path=/'
      localStorage.setItem('ajs_user_id', '"from-storage"')
    })

    it('reads the cookie', () => {
      expect(newUser().id()).to.equal('from-cookie')
    })

    it('rewrites localStorage on load', () => {
      const user = newUser()

      user.load()

      expect(localStorage.getItem('ajs_user_id')).to.equal('"from-cookie"')
    })
  })

  describe('disableClientPersistence', () => {
    it('writes no cookie', () => {
      const user = newUser({ disableClientPersistence: true })

      user.identify('user-42', { plan: 'pro' })

      expect(document.cookie).not.to.contain('ajs_')
    })

    it('writes nothing to localStorage', () => {
      const user = newUser({ disableClientPersistence: true })

      user.identify('user-42', { plan: 'pro' })

      expect(localStorage.length).to.equal(0)
    })
  })
})
