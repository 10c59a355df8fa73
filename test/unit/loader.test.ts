import { expect } from 'chai'
import {
  assertLoadableUrl,
  loadScript,
  resetLoadedScripts,
  setVendorUrlRewrite,
  toUrlRewrite,
} from '../../src/integration/loader'

describe('loader', () => {
  afterEach(() => {
    resetLoadedScripts()
    setVendorUrlRewrite(undefined)
  })

  const rejected = [
    'javascript:alert(1)',
    'data:text/javascript,1',
    '//',
    'ftp://x.test/a.js',
    '',
  ]
  for (const url of rejected) {
    it(`rejects ${JSON.stringify(url)}`, () => {
      expect(() => assertLoadableUrl(url)).to.throw(
        TypeError,
        /only http\(s\) URLs and paths/,
      )
    })
  }

  it('applies a prefix map keeping the query', () => {
    const rewrite = toUrlRewrite({
      'https://www.googletagmanager.com/gtag/js':
        'http://127.0.0.1:8080/stand-ins/gtag.js',
    })!

    expect(rewrite('https://www.googletagmanager.com/gtag/js?id=G-1')).to.equal(
      'http://127.0.0.1:8080/stand-ins/gtag.js?id=G-1',
    )
    expect(rewrite('https://other.example.test/a.js')).to.equal(
      'https://other.example.test/a.js',
    )
  })

  it('checks the rewritten URL too', () => {
    setVendorUrlRewrite(() => 'javascript:alert(1)')

    expect(() => loadScript('https://cdn.example.test/sdk.js')).to.throw(
      TypeError,
    )
  })
})
