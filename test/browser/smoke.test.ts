import { expect } from 'chai'
import sinon from 'sinon'

import {
  getCrypto,
  getDocument,
  getStorage,
  isBrowser,
  readGlobal,
  writeGlobal,
} from '../../src/global-scope'

describe('global-scope in Chromium', () => {
  afterEach(() => {
    getStorage('localStorage')?.clear()
    writeGlobal('smokeScriptRan', undefined)
  })

  it('detects a browser environment', () => {
    expect(isBrowser()).to.equal(true)
  })

  it('stores values in localStorage', () => {
    const storage = getStorage('localStorage')

    storage?.setItem('ajs_user_id', '"user-1"')

    expect(storage?.getItem('ajs_user_id')).to.equal('"user-1"')
  })

  it('fills random bytes from crypto', () => {
    const bytes = new Uint8Array(16)

    getCrypto()?.getRandomValues(bytes)

    expect(bytes.some((byte) => byte !== 0)).to.equal(true)
  })

  // happy-dom does not run inserted scripts; Chromium does.
  it('runs an inserted script before its load event', async () => {
    const document = getDocument()
    const script = document?.createElement('script')
    if (!document || !script) throw new Error('document is missing')
    script.src = 'data:text/javascript,window.smokeScriptRan=true'

    await new Promise<void>((resolve, reject) => {
      script.addEventListener('load', () => resolve())
      script.addEventListener('error', () =>
        reject(new Error('data: script failed to load')),
      )
      document.head.appendChild(script)
    })
    script.remove()

    expect(readGlobal('smokeScriptRan')).to.equal(true)
  })

  it('fires timers under sinon fake timers', () => {
    const clock = sinon.useFakeTimers()
    const callback = sinon.spy()

    setTimeout(callback, 1000)
    clock.tick(1000)
    clock.restore()

    expect(callback.calledOnce).to.equal(true)
  })
})
