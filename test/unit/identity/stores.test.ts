import { expect } from 'chai'
import sinon from 'sinon'

import {
  createCookieStore,
  createLocalStorageStore,
  createMemoryStore,
  createStorageChain,
  type Store,
} from '../../../src/identity/stores'

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

function throwingStore(): Store {
  return {
    type: 'localStorage',
    getItem: () => {
      throw securityError()
    },
    setItem: () => {
      throw new DOMException(
        'The quota has been exceeded.',
        'QuotaExceededError',
      )
    },
    removeItem: () => {
      throw securityError()
    },
  }
}

describe('createStorageChain', () => {
  it('reads the first store that has the key', () => {
    const first = createMemoryStore()
    const second = createMemoryStore()
    first.setItem('ajs_user_id', '"first"')
    second.setItem('ajs_user_id', '"second"')
    const chain = createStorageChain([first, second])

    const value = chain.get('ajs_user_id')

    expect(value).to.equal('first')
  })

  it('falls through an empty store', () => {
    const first = createMemoryStore()
    const second = createMemoryStore()
    second.setItem('ajs_user_id', '"second"')
    const chain = createStorageChain([first, second])

    const value = chain.get('ajs_user_id')

    expect(value).to.equal('second')
  })

  it('falls through a stored null', () => {
    const first = createMemoryStore()
    const second = createMemoryStore()
    first.setItem('ajs_user_id', 'null')
    second.setItem('ajs_user_id', '"second"')
    const chain = createStorageChain([first, second])

    const value = chain.get('ajs_user_id')

    expect(value).to.equal('second')
  })

  it('returns null when no store has the key', () => {
    const chain = createStorageChain([createMemoryStore()])

    const value = chain.get('ajs_user_id')

    expect(value).to.equal(null)
  })

  it('skips a store that throws on read', () => {
    const memory = createMemoryStore()
    memory.setItem('ajs_user_id', '"kept"')
    const chain = createStorageChain([throwingStore(), memory])

    const value = chain.get('ajs_user_id')

    expect(value).to.equal('kept')
  })

  it('writes every store', () => {
    const first = createMemoryStore()
    const second = createMemoryStore()
    const chain = createStorageChain([first, second])

    chain.set('ajs_user_id', 'user-42')

    expect(first.getItem('ajs_user_id')).to.equal('"user-42"')
    expect(second.getItem('ajs_user_id')).to.equal('"user-42"')
  })

  it('writes past a store that throws', () => {
    const memory = createMemoryStore()
    const chain = createStorageChain([throwingStore(), memory])

    chain.set('ajs_user_id', 'user-42')

    expect(memory.getItem('ajs_user_id')).to.equal('"user-42"')
  })

  it('removes from every store', () => {
    const first = createMemoryStore()
    const second = createMemoryStore()
    first.setItem('ajs_user_id', '"user-42"')
    second.setItem('ajs_user_id', '"user-42"')
    const chain = createStorageChain([first, second])

    chain.remove('ajs_user_id')

    expect(first.getItem('ajs_user_id')).to.equal(null)
    expect(second.getItem('ajs_user_id')).to.equal(null)
  })

  it('removes past a store that throws', () => {
    const memory = createMemoryStore()
    memory.setItem('ajs_user_id', '"user-42"')
    const chain = createStorageChain([throwingStore(), memory])

    chain.remove('ajs_user_id')

    expect(memory.getItem('ajs_user_id')).to.equal(null)
  })

  it('removes when set to null', () => {
    const memory = createMemoryStore()
    memory.setItem('ajs_user_id', '"user-42"')
    const chain = createStorageChain([memory])

    chain.set('ajs_user_id', null)

    expect(memory.getItem('ajs_user_id')).to.equal(null)
  })

  it('skips a value JSON cannot encode', () => {
    const memory = createMemoryStore()
    const chain = createStorageChain([memory])
    const traits: Record<string, unknown> = {}
    traits.self = traits

    chain.set('ajs_user_traits', traits)

    expect(memory.getItem('ajs_user_traits')).to.equal(null)
  })

  it('lists its store types in order', () => {
    const chain = createStorageChain([
      createLocalStorageStore(),
      createMemoryStore(),
    ])

    expect(chain.types).to.deep.equal(['localStorage', 'memory'])
  })
})

describe('createCookieStore', () => {
  afterEach(() => {
    sinon.restore()
  })

  it('writes the text URI-encoded', () => {
    const store = createCookieStore()

    store.setItem('ajs_user_id', '"abc-123"')

    expect(rawCookie('ajs_user_id')).to.equal('%22abc-123%22')
  })

  it('reads the text URI-decoded', () => {
    document.cookie = 'ajs_user_id=%22abc-123%22; path=/'
    const store = createCookieStore()

    const text = store.getItem('ajs_user_id')

    expect(text).to.equal('"abc-123"')
  })

  it('removes the cookie', () => {
    const store = createCookieStore()
    store.setItem('ajs_user_id', '"abc-123"')

    store.removeItem('ajs_user_id')

    expect(rawCookie('ajs_user_id')).to.equal(undefined)
  })

  it('replaces a host-only twin', () => {
    document.cookie = 'ajs_user_id=%22old%22; path=/'
    const store = createCookieStore()

    store.setItem('ajs_user_id', '"new"')

    expect(document.cookie).to.equal('ajs_user_id=%22new%22')
  })

  it('writes the cookie options', () => {
    const setter = sinon.spy()
    sinon.stub(document, 'cookie').set(setter)
    const store = createCookieStore({
      domain: 'shop.example.test',
      sameSite: 'Strict',
    })

    store.setItem('ajs_user_id', '"abc-123"')

    const written = String(setter.lastCall.args[0])
    expect(written).to.contain('domain=shop.example.test')
    expect(written).to.contain('SameSite=Strict')
  })
})

describe('createLocalStorageStore', () => {
  it('writes the text unchanged', () => {
    const store = createLocalStorageStore()

    store.setItem('ajs_user_id', '"abc-123"')

    expect(localStorage.getItem('ajs_user_id')).to.equal('"abc-123"')
  })

  it('removes the key', () => {
    localStorage.setItem('ajs_user_id', '"abc-123"')
    const store = createLocalStorageStore()

    store.removeItem('ajs_user_id')

    expect(localStorage.getItem('ajs_user_id')).to.equal(null)
  })
})
