import { expect } from 'chai'
import sinon from 'sinon'

import { AnalyticsBrowser } from '../../../src/index'
import { defineIntegration } from '../../../src/integration/define'
import { resetLoadedScripts } from '../../../src/integration/loader'
import { disposeEndpoint } from '../analytics/harness'

const VENDOR_URL = 'https://vendor.example.test/nonce-probe.js'

const probe = defineIntegration({
  name: 'Nonce Probe',
  options: {},
  load({ loadScript }) {
    // The script never loads under happy-dom; the tag is what is checked.
    void loadScript(VENDOR_URL).catch(() => {})
  },
})

/** Elements the page created, since happy-dom removes a failed script at once. */
let created: Element[] = []

function injectedNonce(): string | null | undefined {
  const script = created.find(
    (element) => element.getAttribute('src') === VENDOR_URL,
  )
  return script ? script.getAttribute('nonce') : undefined
}

describe('nonce for npm plugins', () => {
  beforeEach(() => {
    created = []
    const createElement = document.createElement.bind(document)
    sinon.stub(document, 'createElement').callsFake((tag: string) => {
      const element = createElement(tag)
      created.push(element)
      return element
    })
  })

  afterEach(() => {
    sinon.restore()
    resetLoadedScripts()
  })

  it('takes the load option nonce', async () => {
    const analytics = AnalyticsBrowser.load(
      {
        writeKey: 'nonce-key',
        cdnSettings: { integrations: {} },
        plugins: [probe({})],
      },
      { nonce: 'load-nonce', integrations: { 'Segment.io': false } },
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    disposeEndpoint(analytics)

    expect(injectedNonce()).to.equal('load-nonce')
  })

  it('keeps its own nonce first', async () => {
    const analytics = AnalyticsBrowser.load(
      {
        writeKey: 'nonce-key',
        cdnSettings: { integrations: {} },
        plugins: [probe({ nonce: 'own-nonce' })],
      },
      { nonce: 'load-nonce', integrations: { 'Segment.io': false } },
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    disposeEndpoint(analytics)

    expect(injectedNonce()).to.equal('own-nonce')
  })
})
