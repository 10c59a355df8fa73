import { expect } from 'chai'
import sinon from 'sinon'

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

function rawCookie(name: string): string | undefined {
  for (const pair of document.cookie.split('; ')) {
    const separator = pair.indexOf('=')
    if (pair.slice(0, separator) === name) return pair.slice(separator + 1)
  }
  return undefined
}

function securityError(): DOMException {
  return new DOMException('The operation is insecure.', 'SecurityError')
}

function makeLocalStorageThrow(): void {
  sinon.stub(Storage.prototype, 'getItem').throws(securityError())
  sinon.stub(Storage.prototype, 'setItem').throws(securityError())
  sinon.stub(Storage.prototype, 'removeItem').throws(securityError())
}

function makeCookiesThrow(): void {
  sinon
    .stub(document, 'cookie')
    .get(() => {
      throw securityError()
    })
    .set(() => {
      throw securityError()
    })
}

describe('createUser', () => {
  afterEach(() => {
    sinon.restore()
  })

  describe('anonymousId', () => {
    it('generates one on first read', () => {
      const user = newUser()

      expect(user.anonymousId()).to.equal('anon-1')
    })

    it('keeps it across reads', () => {
      const user = newUser()
      user.anonymousId()

      expect(user.anonymousId()).to.equal('anon-1')
    })

    it('stores it in the cookie', () => {
      const user = newUser()

      user.anonymousId()

      expect(rawCookie('ajs_anonymous_id')).to.equal('%22anon-1%22')
    })

    it('stores it in localStorage', () => {
      const user = newUser()

      user.anonymousId()

      expect(localStorage.getItem('ajs_anonymous_id')).to.equal('"anon-1"')
    })

    it('reuses the stored one', () => {
      newUser().anonymousId()
      const next = createUser({ generateId: () => 'other' })

      expect(next.anonymousId()).to.equal('anon-1')
    })

    it('takes a given id', () => {
      const user = newUser()

      user.anonymousId('given')

      expect(user.anonymousId()).to.equal('given')
      expect(localStorage.getItem('ajs_anonymous_id')).to.equal('"given"')
    })

    it('replaces it on null', () => {
      const user = newUser()
      user.anonymousId()

      const replaced = user.anonymousId(null)

      expect(replaced).to.equal('anon-2')
    })

    it('reads storage only once', () => {
      const user = newUser()
      user.anonymousId()
      user.id()
      const getItem = sinon.spy(Storage.prototype, 'getItem')
      const cookie = sinon.spy(document, 'cookie', ['get'])

      user.anonymousId()
      user.id()

      expect(getItem.callCount).to.equal(0)
      expect(cookie.get.callCount).to.equal(0)
    })

    it('touches no storage when created', () => {
      const getItem = sinon.spy(Storage.prototype, 'getItem')

      newUser()

      expect(getItem.callCount).to.equal(0)
    })
  })

  describe('stored encodings', () => {
    const cases: Array<[string, () => void]> = [
      [
        'bare localStorage id',
        () => localStorage.setItem('ajs_anonymous_id', 'abc-123'),
      ],
      [
        'quoted localStorage id',
        () => localStorage.setItem('ajs_anonymous_id', '"abc-123"'),
      ],
      [
        'URI-encoded cookie',
        () => (document.cookie = 'ajs_anonymous_id=%22abc-123%22; path=/'),
      ],
    ]

    for (const [name, storeId] of cases) {
      it(`reads a ${name} as anonymousId`, () => {
        storeId()

        const user = newUser()

        expect(user.anonymousId()).to.equal('abc-123')
      })
    }

    it('reads a bare localStorage user id', () => {
      localStorage.setItem('ajs_user_id', 'user-42')

      expect(newUser().id()).to.equal('user-42')
    })

    it('reads a quoted localStorage user id', () => {
      localStorage.setItem('ajs_user_id', '"user-42"')

      expect(newUser().id()).to.equal('user-42')
    })

    it('reads a URI-encoded cookie user id', () => {
      document.cookie = 'ajs_user_id=%22user-42%22; path=/'

      expect(newUser().id()).to.equal('user-42')
    })

    it('reads a numeric user id as text', () => {
      localStorage.setItem('ajs_user_id', '42')

      expect(newUser().id()).to.equal('42')
    })

    it('reads traits as JSON', () => {
      localStorage.setItem('ajs_user_traits', '{"plan":"pro"}')

      expect(newUser().traits()).to.deep.equal({ plan: 'pro' })
    })

    it('reads malformed traits as empty', () => {
      localStorage.setItem('ajs_user_traits', '{"plan":')

      expect(newUser().traits()).to.deep.equal({})
    })
  })

  describe('throwing storage', () => {
    it('throws nothing when localStorage throws', () => {
      makeLocalStorageThrow()
      const user = newUser()

      expect(() => user.anonymousId()).not.to.throw()
    })

    it('keeps the id in the cookie', () => {
      makeLocalStorageThrow()
      const user = newUser()

      user.anonymousId()

      expect(rawCookie('ajs_anonymous_id')).to.equal('%22anon-1%22')
    })

    it('rereads the same id from the cookie', () => {
      makeLocalStorageThrow()
      const first = newUser().anonymousId()

      const second = createUser({ generateId: () => 'other' }).anonymousId()

      expect(second).to.equal(first)
    })

    it('throws nothing when cookies throw too', () => {
      makeLocalStorageThrow()
      makeCookiesThrow()
      const user = newUser()

      expect(() => user.identify('user-42', { plan: 'pro' })).not.to.throw()
    })

    it('keeps the id in memory when all else throws', () => {
      makeLocalStorageThrow()
      makeCookiesThrow()
      const user = newUser()
      const first = user.anonymousId()

      user.load()

      expect(user.anonymousId()).to.equal(first)
    })

    it('keeps traits in memory on quota errors', () => {
      const quota = new DOMException('Quota exceeded.', 'QuotaExceededError')
      sinon.stub(Storage.prototype, 'setItem').throws(quota)
      const user = newUser()
      user.identify('user-42', { plan: 'pro' })

      user.load()

      expect(user.traits()).to.deep.equal({ plan: 'pro' })
    })
  })

  describe('identify', () => {
    it('merges traits across calls', () => {
      const user = newUser()

      user.identify(undefined, { email: 'ana@example.test', plan: 'trial' })
      user.identify('user-42', { plan: 'pro' })
      user.identify(undefined, { seats: 3 })

      expect(user.traits()).to.deep.equal({
        email: 'ana@example.test',
        plan: 'pro',
        seats: 3,
      })
    })

    it('keeps the id on a traits-only call', () => {
      const user = newUser()
      user.identify('user-42', { plan: 'pro' })

      user.identify(undefined, { seats: 3 })

      expect(user.id()).to.equal('user-42')
    })

    it('merges traits for the same id', () => {
      const user = newUser()
      user.identify('user-42', { plan: 'pro' })

      user.identify('user-42', { seats: 3 })

      expect(user.traits()).to.deep.equal({ plan: 'pro', seats: 3 })
    })

    it('replaces traits for a new id', () => {
      const user = newUser()
      user.identify('user-42', { plan: 'pro' })

      user.identify('user-43', { seats: 3 })

      expect(user.traits()).to.deep.equal({ seats: 3 })
    })

    it('stores traits in localStorage', () => {
      const user = newUser()

      user.identify('user-42', { plan: 'pro' })

      expect(localStorage.getItem('ajs_user_traits')).to.equal('{"plan":"pro"}')
    })

    it('keeps traits out of the cookie', () => {
      const user = newUser()

      user.identify('user-42', { plan: 'pro' })

      expect(rawCookie('ajs_user_traits')).to.equal(undefined)
    })

    it('stores the id in the cookie', () => {
      const user = newUser()

      user.identify('user-42')

      expect(rawCookie('ajs_user_id')).to.equal('%22user-42%22')
    })

    it('stores the id in localStorage', () => {
      const user = newUser()

      user.identify('user-42')

      expect(localStorage.getItem('ajs_user_id')).to.equal('"user-42"')
    })

    it('keeps anonymousId for the first id', () => {
      const user = newUser()
      const before = user.anonymousId()

      user.identify('user-42')

      expect(user.anonymousId()).to.equal(before)
    })

    it('renews anonymousId for another id', () => {
      const user = newUser()
      user.identify('user-42')
      const before = user.anonymousId()

      user.identify('user-43')

      expect(user.anonymousId()).not.to.equal(before)
    })

    it('keeps circular traits in memory', () => {
      const user = newUser()
      const traits: Record<string, unknown> = { plan: 'pro' }
      traits.self = traits

      user.identify('user-42', traits)

      expect(user.traits().plan).to.equal('pro')
    })

    it('returns a copy of the traits', () => {
      const user = newUser()
      user.identify('user-42', { plan: 'pro' })

      user.traits().plan = 'changed'

      expect(user.traits()).to.deep.equal({ plan: 'pro' })
    })
  })

  describe('top-domain cookie', () => {
    beforeEach(() => {
      document.cookie =
        'ajs_user_id=%22from-cookie%22; domain=example.test; path=/'
      localStorage.setItem('ajs_user_id', '"from-storage"')
    })

    it('wins over localStorage', () => {
      const user = newUser()

      expect(user.id()).to.equal('from-cookie')
    })

    it('rewrites localStorage on load', () => {
      const user = newUser()

      user.load()

      expect(localStorage.getItem('ajs_user_id')).to.equal('"from-cookie"')
    })

    it('is reread on load', () => {
      const user = newUser()
      user.id()
      document.cookie = 'ajs_user_id=%22changed%22; domain=example.test; path=/'

      user.load()

      expect(user.id()).to.equal('changed')
    })

    it('is cached until load', () => {
      const user = newUser()
      user.id()

      document.cookie = 'ajs_user_id=%22changed%22; domain=example.test; path=/'

      expect(user.id()).to.equal('from-cookie')
    })

    it('is written on the top domain', () => {
      const cookie = sinon.spy(document, 'cookie', ['set'])
      const user = newUser()

      user.id('user-42')

      const writes = cookie.set.args.map((args) => String(args[0]))
      const write = writes.find((text) => text.includes('%22user-42%22'))
      expect(write).to.contain('domain=example.test')
    })
  })

  describe('reset', () => {
    it('clears the id', () => {
      const user = newUser()
      user.identify('user-42', { plan: 'pro' })

      user.reset()

      expect(user.id()).to.equal(null)
    })

    it('clears the traits', () => {
      const user = newUser()
      user.identify('user-42', { plan: 'pro' })

      user.reset()

      expect(user.traits()).to.deep.equal({})
    })

    it('gives a new anonymousId', () => {
      const user = newUser()
      user.anonymousId()

      user.reset()

      expect(user.anonymousId()).to.equal('anon-2')
    })

    it('removes the stored keys', () => {
      const user = newUser()
      user.identify('user-42', { plan: 'pro' })
      user.anonymousId()

      user.reset()

      expect(document.cookie).to.equal('')
      expect(localStorage.length).to.equal(0)
    })

    it('defers the new id to the next read', () => {
      const user = newUser()
      user.anonymousId()

      user.reset()

      expect(rawCookie('ajs_anonymous_id')).to.equal(undefined)
    })
  })

  describe('disableClientPersistence', () => {
    it('writes no cookie', () => {
      const user = newUser({ disableClientPersistence: true })

      user.identify('user-42', { plan: 'pro' })
      user.anonymousId()

      expect(document.cookie).to.equal('')
    })

    it('writes nothing to localStorage', () => {
      const user = newUser({ disableClientPersistence: true })

      user.identify('user-42', { plan: 'pro' })
      user.anonymousId()

      expect(localStorage.length).to.equal(0)
    })

    it('keeps ids in memory', () => {
      const user = newUser({ disableClientPersistence: true })
      user.identify('user-42')

      user.load()

      expect(user.id()).to.equal('user-42')
    })

    it('ignores stored ids', () => {
      localStorage.setItem('ajs_user_id', '"stored"')
      document.cookie = 'ajs_user_id=%22stored%22; path=/'

      const user = newUser({ disableClientPersistence: true })

      expect(user.id()).to.equal(null)
    })
  })

  describe('storage order', () => {
    beforeEach(() => {
      document.cookie = 'ajs_user_id=%22from-cookie%22; path=/'
      localStorage.setItem('ajs_user_id', '"from-storage"')
    })

    it('reads localStorage first when listed first', () => {
      const user = newUser({ storage: { stores: ['localStorage', 'cookie'] } })

      expect(user.id()).to.equal('from-storage')
    })

    it('rewrites the cookie from localStorage', () => {
      const user = newUser({ storage: { stores: ['localStorage', 'cookie'] } })

      user.load()

      expect(rawCookie('ajs_user_id')).to.equal('%22from-storage%22')
    })

    it('ignores an unlisted cookie', () => {
      const user = newUser({ storage: { stores: ['localStorage'] } })

      user.id('user-42')

      expect(rawCookie('ajs_user_id')).to.equal('%22from-cookie%22')
    })

    it('ignores unlisted localStorage', () => {
      const user = newUser({ storage: { stores: ['cookie'] } })

      user.identify('user-42', { plan: 'pro' })

      expect(localStorage.getItem('ajs_user_id')).to.equal('"from-storage"')
      expect(localStorage.getItem('ajs_user_traits')).to.equal(null)
    })

    it('keeps traits in memory without localStorage', () => {
      const user = newUser({ storage: { stores: ['cookie'] } })
      user.identify('user-42', { plan: 'pro' })

      user.load()

      expect(user.traits()).to.deep.equal({ plan: 'pro' })
    })
  })
})
