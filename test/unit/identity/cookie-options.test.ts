import { expect } from 'chai'
import sinon from 'sinon'

import { resetReportedCauses } from '../../../src/debug'
import { clearTopDomainCache } from '../../../src/identity/cookie-domain'
import { resolveCookieAttributes } from '../../../src/identity/cookie-options'

const NOW = Date.parse('2024-01-01T00:00:00.000Z')

interface HappyDom {
  setURL(url: string): void
}

function setPageUrl(url: string): void {
  ;(globalThis as unknown as { happyDOM: HappyDom }).happyDOM.setURL(url)
}

describe('resolveCookieAttributes', () => {
  beforeEach(() => {
    clearTopDomainCache()
    resetReportedCauses()
  })

  afterEach(() => {
    sinon.restore()
    clearTopDomainCache()
  })

  describe('defaults', () => {
    it('uses the probed top domain', () => {
      const attributes = resolveCookieAttributes({}, NOW)

      expect(attributes.domain).to.equal('example.test')
    })

    it('uses the root path', () => {
      const attributes = resolveCookieAttributes({}, NOW)

      expect(attributes.path).to.equal('/')
    })

    it('expires in 365 days', () => {
      const attributes = resolveCookieAttributes({}, NOW)

      expect(attributes.expires?.toISOString()).to.equal(
        '2024-12-31T00:00:00.000Z',
      )
    })

    it('uses SameSite Lax', () => {
      const attributes = resolveCookieAttributes({}, NOW)

      expect(attributes.sameSite).to.equal('Lax')
    })

    it('omits Secure on http', () => {
      const attributes = resolveCookieAttributes({}, NOW)

      expect(attributes.secure).to.equal(false)
    })

    it('sets Secure on https', () => {
      setPageUrl('https://shop.example.test/')

      const attributes = resolveCookieAttributes({}, NOW)

      expect(attributes.secure).to.equal(true)
    })
  })

  describe('overrides', () => {
    it('takes the given domain', () => {
      const attributes = resolveCookieAttributes({
        domain: 'shop.example.test',
      })

      expect(attributes.domain).to.equal('shop.example.test')
    })

    it('takes an empty domain as host-only', () => {
      const attributes = resolveCookieAttributes({ domain: '' })

      expect(attributes.domain).to.equal('')
    })

    it('takes the given path', () => {
      const attributes = resolveCookieAttributes({ path: '/shop' })

      expect(attributes.path).to.equal('/shop')
    })

    it('takes maxage in days', () => {
      const attributes = resolveCookieAttributes({ maxage: 7 }, NOW)

      expect(attributes.expires?.toISOString()).to.equal(
        '2024-01-08T00:00:00.000Z',
      )
    })

    it('takes the given SameSite', () => {
      const attributes = resolveCookieAttributes({ sameSite: 'Strict' })

      expect(attributes.sameSite).to.equal('Strict')
    })

    it('turns Secure off on https', () => {
      setPageUrl('https://shop.example.test/')

      const attributes = resolveCookieAttributes({ secure: false })

      expect(attributes.secure).to.equal(false)
    })

    it('turns Secure on on http', () => {
      const attributes = resolveCookieAttributes({ secure: true })

      expect(attributes.secure).to.equal(true)
    })
  })

  describe('invalid values', () => {
    it('replaces a negative maxage', () => {
      sinon.stub(console, 'error')

      const attributes = resolveCookieAttributes({ maxage: -1 }, NOW)

      expect(attributes.expires?.toISOString()).to.equal(
        '2024-12-31T00:00:00.000Z',
      )
    })

    it('reports a bad maxage once', () => {
      const error = sinon.stub(console, 'error')

      resolveCookieAttributes({ maxage: Number.NaN })
      resolveCookieAttributes({ maxage: Number.NaN })

      expect(error.callCount).to.equal(1)
      expect(String(error.firstCall.args[1])).to.contain('cookie.maxage')
    })

    it('rejects a path with a semicolon', () => {
      sinon.stub(console, 'error')

      const attributes = resolveCookieAttributes({ path: '/; domain=evil' })

      expect(attributes.path).to.equal('/')
    })

    it('rejects a non-boolean secure', () => {
      sinon.stub(console, 'error')
      const options = JSON.parse('{"secure":"yes"}') as { secure: boolean }

      const attributes = resolveCookieAttributes(options)

      expect(attributes.secure).to.equal(false)
    })
  })
})
