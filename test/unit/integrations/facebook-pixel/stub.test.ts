// Ports the "before loading" cases of Segment's facebook-pixel test file:
// the fbq stub, before any script runs (happy-dom never runs scripts).
import { expect } from 'chai'
import { installStub } from '../../../../integrations/facebook-pixel/stub'

type Scope = Record<string, unknown>

afterEach(() => {
  delete (globalThis as Scope).fbq
  delete (globalThis as Scope)._fbq
})

describe('Facebook Pixel fbq stub', () => {
  it('defines fbq and _fbq as the same buffering function', () => {
    const fbq = installStub('seg')

    expect((globalThis as Scope).fbq).to.equal(fbq)
    expect((globalThis as Scope)._fbq).to.equal(fbq)
    expect(fbq).to.be.a('function')
    expect(fbq.push).to.equal(fbq)
    expect(fbq.loaded).to.equal(true)
  })

  it('queues calls until a script sets callMethod', () => {
    const fbq = installStub('seg')

    fbq('test', 1)

    expect(fbq.queue).to.deep.equal([['test', 1]])
  })

  it('hands calls to callMethod once it exists', () => {
    const fbq = installStub('seg')
    const received: unknown[][] = []
    fbq.callMethod = (...args) => received.push(args)

    fbq('test')

    expect(received).to.deep.equal([['test']])
    expect(fbq.queue).to.deep.equal([])
  })

  it('sets the agent, version and page view flags', () => {
    const fbq = installStub('test')

    expect(fbq.agent).to.equal('test')
    expect(fbq.version).to.equal('2.0')
    expect(fbq.disablePushState).to.equal(true)
    expect(fbq.allowDuplicatePageViews).to.equal(true)
  })

  it("keeps the page's own fbq and what it queued", () => {
    const queued: unknown[][] = [['init', 'site-pixel']]
    const existing = Object.assign(() => {}, { queue: queued })
    ;(globalThis as Scope).fbq = existing

    const fbq = installStub('seg')

    expect(fbq).to.equal(existing)
    expect(fbq.queue).to.equal(queued)
    expect(fbq.agent).to.equal('seg')
  })
})
