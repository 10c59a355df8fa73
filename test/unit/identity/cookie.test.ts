import { expect } from 'chai'
import sinon from 'sinon'

import {
  readCookie,
  removeCookie,
  serializeCookie,
  writeCookie,
} from '../../../src/identity/cookie'

function rawCookie(name: string): string | undefined {
  for (const pair of document.cookie.split('; ')) {
    const separator = pair.indexOf('=')
    if (pair.slice(0, separator) === name) return pair.slice(separator + 1)
  }
  return undefined
}

describe('readCookie', () => {
  it('decodes the value', () => {
    document.cookie = 'ajs_user_id=%22user-42%22; path=/'

    const value = readCookie('ajs_user_id')

    expect(value).to.equal('"user-42"')
  })

  it('returns null when absent', () => {
    document.cookie = 'other=1; path=/'

    const value = readCookie('ajs_user_id')

    expect(value).to.equal(null)
  })

  it('matches the whole name', () => {
    document.cookie = 'x_ajs_user_id=1; path=/'

    const value = readCookie('ajs_user_id')

    expect(value).to.equal(null)
  })

  it('keeps a malformed escape', () => {
    document.cookie = 'ajs_user_id=100%; path=/'

    const value = readCookie('ajs_user_id')

    expect(value).to.equal('100%')
  })
})

describe('writeCookie', () => {
  afterEach(() => {
    sinon.restore()
  })

  it('URI-encodes the value', () => {
    writeCookie('ajs_user_id', '"user-42"', { path: '/' })

    expect(rawCookie('ajs_user_id')).to.equal('%22user-42%22')
  })

  it('writes every given attribute', () => {
    const setter = sinon.spy()
    sinon.stub(document, 'cookie').set(setter)

    writeCookie('id', 'v', {
      domain: 'example.test',
      path: '/',
      expires: new Date('2030-01-01T00:00:00Z'),
      sameSite: 'Lax',
      secure: true,
    })

    expect(setter.firstCall.args[0]).to.equal(
      'id=v; domain=example.test; path=/; ' +
        'expires=Tue, 01 Jan 2030 00:00:00 GMT; SameSite=Lax; Secure',
    )
  })
})

describe('removeCookie', () => {
  it('expires a domain cookie', () => {
    document.cookie = 'ajs_user_id=1; domain=example.test; path=/'

    removeCookie('ajs_user_id', { domain: 'example.test', path: '/' })

    expect(rawCookie('ajs_user_id')).to.equal(undefined)
  })

  it('expires a host-only cookie', () => {
    document.cookie = 'ajs_user_id=1; path=/'

    removeCookie('ajs_user_id', { path: '/' })

    expect(rawCookie('ajs_user_id')).to.equal(undefined)
  })
})

describe('serializeCookie', () => {
  it('omits missing attributes', () => {
    const text = serializeCookie('id', 'v', {})

    expect(text).to.equal('id=v')
  })

  it('omits an empty domain', () => {
    const text = serializeCookie('id', 'v', { domain: '', path: '/' })

    expect(text).to.equal('id=v; path=/')
  })

  it('omits Secure when false', () => {
    const text = serializeCookie('id', 'v', { secure: false })

    expect(text).to.equal('id=v')
  })
})
