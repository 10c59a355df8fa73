import { expect } from 'chai'

import { buildContext } from '../../../src/message/context'
import type { BufferedPageContext } from '../../../src/message/page-context'

function pageWithSearch(search: string): BufferedPageContext {
  return {
    __t: 'bpc',
    p: '/shop',
    u: `https://shop.example/shop${search}`,
    s: search,
    t: 'Shop',
    r: '',
  }
}

describe('message context from the query string', () => {
  it('gives each message its own campaign and referrer objects', () => {
    const page = pageWithSearch('?utm_source=news&utm_campaign=spring&btid=42')

    const first = buildContext(page)
    const second = buildContext(page)

    expect(first.campaign).to.deep.equal({ source: 'news', name: 'spring' })
    expect(first.referrer).to.deep.equal({ type: 'dataxu', id: '42' })
    expect(second.campaign).to.deep.equal(first.campaign)
    expect(second.campaign).to.not.equal(first.campaign)
    expect(second.referrer).to.not.equal(first.referrer)
  })

  it('reads a new query string when the URL changes', () => {
    buildContext(pageWithSearch('?utm_source=news'))

    const next = buildContext(pageWithSearch('?utm_source=mail'))
    const plain = buildContext(pageWithSearch(''))

    expect(next.campaign).to.deep.equal({ source: 'mail' })
    expect(plain).to.not.have.property('campaign')
  })
})
