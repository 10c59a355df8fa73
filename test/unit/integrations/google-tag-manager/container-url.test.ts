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
})
