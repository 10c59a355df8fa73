import { expect } from 'chai'
import {
  loadScript,
  resetLoadedScripts,
  setVendorUrlRewrite,
  toUrlRewrite,
} from '../../src/integration/loader'

interface RanWindow {
  __vendorScripts?: string[]
}

describe('loader in Chromium', () => {
  afterEach(() => {
    for (const script of Array.from(
      document.querySelectorAll('script[src*="/__test__/"]'),
    )) {
      script.remove()
    }
    delete (window as RanWindow).__vendorScripts
    resetLoadedScripts()
    setVendorUrlRewrite(undefined)
  })

  it('sets src, async and nonce', async () => {
    const script = await loadScript('/__test__/vendor/nonce-check.js', {
      nonce: 'n0nce',
    })

    expect(script.getAttribute('src')).to.equal(
      '/__test__/vendor/nonce-check.js',
    )
    expect(script.async).to.equal(true)
    expect(script.nonce).to.equal('n0nce')
  })

  it('runs one script per URL', async () => {
    const first = loadScript('/__test__/vendor/once.js')
    const second = loadScript('/__test__/vendor/once.js')
    await Promise.all([first, second])

    expect(first).to.equal(second)
    expect((window as RanWindow).__vendorScripts).to.deep.equal(['once'])
  })

  it('loads the rewritten URL', async () => {
    setVendorUrlRewrite(
      toUrlRewrite({ 'https://cdn.example.test/': '/__test__/vendor/' }),
    )

    const script = await loadScript('https://cdn.example.test/rewritten.js')

    expect(script.getAttribute('src')).to.equal('/__test__/vendor/rewritten.js')
    expect((window as RanWindow).__vendorScripts).to.deep.equal(['rewritten'])
  })

  it('rejects when the script fails', async () => {
    let message = ''
    try {
      await loadScript('/__test__/missing/gone.js')
    } catch (error) {
      message = (error as Error).message
    }

    expect(message).to.match(/gone\.js failed to load/)
    expect(
      document.querySelector('script[src="/__test__/missing/gone.js"]'),
    ).to.equal(null)
  })
})
