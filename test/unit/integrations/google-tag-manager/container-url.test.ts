import { expect } from 'chai'
import { containerUrl } from '../../../../integrations/google-tag-manager'

const GTM = 'https://www.googletagmanager.com/gtm.js'

describe('Google Tag Manager container URL', () => {
  it('names the container and the data layer', () => {
    expect(containerUrl('GTM-M8M29T')).to.equal(
      `${GTM}?id=GTM-M8M29T&l=dataLayer`,
    )
  })

  it('takes an environment given as its gtm_preview value', () => {
    expect(containerUrl('GTM-M8M29T', 'env-2')).to.equal(
      `${GTM}?id=GTM-M8M29T&l=dataLayer&gtm_preview=env-2`,
    )
  })

  it("takes an environment given as its snippet's query string", () => {
    expect(
      containerUrl(
        'GTM-M8M29T',
        '&gtm_auth=a1B2&gtm_preview=env-2&gtm_cookies_win=x&l=other',
      ),
    ).to.equal(
      `${GTM}?id=GTM-M8M29T&l=dataLayer&gtm_auth=a1B2&gtm_preview=env-2&gtm_cookies_win=x`,
    )
  })

  it('encodes every value', () => {
    expect(containerUrl('GTM-1"><script>', 'env 2&x')).to.equal(
      `${GTM}?id=GTM-1%22%3E%3Cscript%3E&l=dataLayer&gtm_preview=env+2%26x`,
    )
  })

  it('loads from the host and path in fullURLpath', () => {
    expect(
      containerUrl('GTM-M8M29T', 'env-2', 'gtm.example.test/tags/gtm.js'),
    ).to.equal(
      'https://gtm.example.test/tags/gtm.js?id=GTM-M8M29T&l=dataLayer&gtm_preview=env-2',
    )
  })

  it('accepts fullURLpath with an https or protocol-relative prefix', () => {
    expect(
      containerUrl('GTM-1', '', 'https://gtm.example.test/gtm.js'),
    ).to.equal('https://gtm.example.test/gtm.js?id=GTM-1&l=dataLayer')
    expect(containerUrl('GTM-1', '', '//gtm.example.test:8443/g.js')).to.equal(
      'https://gtm.example.test:8443/g.js?id=GTM-1&l=dataLayer',
    )
  })

  it('encodes the path of fullURLpath', () => {
    expect(containerUrl('GTM-1', '', 'gtm.example.test/a"b<c>.js')).to.equal(
      'https://gtm.example.test/a%22b%3Cc%3E.js?id=GTM-1&l=dataLayer',
    )
  })

  it('rejects a fullURLpath that is not a host and path', () => {
    for (const path of [
      'gtm.example.test/gtm.js?id=other',
      'gtm.example.test/gtm.js#x',
      'http://gtm.example.test/gtm.js',
      'user@evil.test/gtm.js',
      'javascript:alert(1)',
      'gtm example.test',
    ]) {
      expect(() => containerUrl('GTM-1', '', path), path).to.throw(
        `Google Tag Manager: option "fullURLpath" must be a string of a host and path such as "gtm.example.com/gtm.js", received ${JSON.stringify(path)}.`,
      )
    }
  })
})
