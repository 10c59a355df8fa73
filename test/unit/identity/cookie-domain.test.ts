import { expect } from 'chai'
import sinon from 'sinon'

import {
  candidateDomains,
  clearTopDomainCache,
  findTopDomain,
} from '../../../src/identity/cookie-domain'

interface HappyDom {
  setURL(url: string): void
}

function setPageUrl(url: string): void {
  ;(globalThis as unknown as { happyDOM: HappyDom }).happyDOM.setURL(url)
}

/** Records every `document.cookie` assignment and still applies it. */
function recordCookieWrites(): string[] {
  const writes: string[] = []
  let owner: object | null = document
  let descriptor: PropertyDescriptor | undefined
  while (owner && !descriptor) {
    descriptor = Object.getOwnPropertyDescriptor(owner, 'cookie')
    owner = Object.getPrototypeOf(owner) as object | null
  }
  const { get, set } = descriptor as PropertyDescriptor
  sinon
    .stub(document, 'cookie')
    .get(() => get?.call(document) as string)
    .set((value: string) => {
      writes.push(value)
      set?.call(document, value)
    })
  return writes
}

describe('candidateDomains', () => {
  it('lists parent domains shortest first', () => {
    const candidates = candidateDomains('a.b.shop.example.co.uk')

    expect(candidates).to.deep.equal([
      'co.uk',
      'example.co.uk',
      'shop.example.co.uk',
      'b.shop.example.co.uk',
      'a.b.shop.example.co.uk',
    ])
  })

  it('skips the bare last label', () => {
    const candidates = candidateDomains('example.test')

    expect(candidates).to.deep.equal(['example.test'])
  })

  it('ignores a trailing dot', () => {
    const candidates = candidateDomains('shop.example.test.')

    expect(candidates).to.deep.equal(['example.test', 'shop.example.test'])
  })

  it('lists none for localhost', () => {
    expect(candidateDomains('localhost')).to.deep.equal([])
  })

  it('lists none for IPv4', () => {
    expect(candidateDomains('127.0.0.1')).to.deep.equal([])
  })

  it('lists none for IPv6', () => {
    expect(candidateDomains('[::1]')).to.deep.equal([])
  })
})

describe('findTopDomain', () => {
  beforeEach(() => {
    clearTopDomainCache()
  })

  afterEach(() => {
    sinon.restore()
    clearTopDomainCache()
  })

  it('finds the site domain', () => {
    const domain = findTopDomain()

    expect(domain).to.equal('example.test')
  })

  it('skips a public suffix the browser rejects', () => {
    setPageUrl('http://a.b.shop.example.co.uk/')
    const writes = recordCookieWrites()

    const domain = findTopDomain()

    expect(domain).to.equal('example.co.uk')
    expect(writes[0]).to.contain('domain=co.uk')
  })

  it('removes the probe cookie', () => {
    findTopDomain()

    expect(document.cookie).not.to.contain('cs_domain_probe')
  })

  it('rejects a foreign domain', () => {
    const domain = findTopDomain('shop.other.test')

    expect(domain).to.equal(undefined)
  })

  it('sets no domain on localhost', () => {
    setPageUrl('http://localhost:9876/')

    const domain = findTopDomain()

    expect(domain).to.equal(undefined)
  })

  it('sets no domain on an IP address', () => {
    setPageUrl('http://127.0.0.1:9876/')
    const writes = recordCookieWrites()

    const domain = findTopDomain()

    expect(domain).to.equal(undefined)
    expect(writes).to.deep.equal([])
  })

  it('caches the result per hostname', () => {
    findTopDomain()
    const writes = recordCookieWrites()

    const domain = findTopDomain()

    expect(domain).to.equal('example.test')
    expect(writes).to.deep.equal([])
  })

  it('returns undefined when cookies throw', () => {
    sinon
      .stub(document, 'cookie')
      .get(() => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      })
      .set(() => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      })

    const domain = findTopDomain()

    expect(domain).to.equal(undefined)
  })

  it('returns undefined when cookies are ignored', () => {
    sinon
      .stub(document, 'cookie')
      .get(() => '')
      .set(() => undefined)

    const domain = findTopDomain()

    expect(domain).to.equal(undefined)
  })
})
