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

  it('keeps a utm___proto__ parameter as a campaign field', () => {
    const context = buildContext(pageWithSearch('?utm___proto__=x&btid=7'))
    const campaign = context.campaign as Record<string, unknown>

    expect(Object.getPrototypeOf(campaign)).to.equal(Object.prototype)
    expect(
      Object.getOwnPropertyDescriptor(campaign, '__proto__')?.value,
    ).to.equal('x')
    expect(context.referrer).to.deep.equal({ type: 'dataxu', id: '7' })
  })
})
