import { expect } from 'chai'

import {
  getDocument,
  getLocation,
  getStorage,
  isBrowser,
  readGlobal,
  writeGlobal,
} from '../../src/global-scope'

describe('global-scope under happy-dom', () => {
  it('detects a browser environment', () => {
    expect(isBrowser()).to.equal(true)
  })

  it('reads the page URL the setup installs', () => {
    const location = getLocation()

    expect(location?.href).to.equal('http://shop.example.test/')
  })

  it('stores values in localStorage', () => {
    const storage = getStorage('localStorage')

    storage?.setItem('ajs_user_id', '"user-1"')

    expect(storage?.getItem('ajs_user_id')).to.equal('"user-1"')
  })

  it('writes and reads a window global', () => {
    writeGlobal('smokeVendor', { loaded: true })

    expect(readGlobal('smokeVendor')).to.deep.equal({ loaded: true })
  })

  it('sets a cookie on the page origin', () => {
    const document = getDocument()

    if (document) document.cookie = 'ajs_anonymous_id=anon-1; path=/'

    expect(document?.cookie).to.contain('ajs_anonymous_id=anon-1')
  })

  // Relies on mocha's in-order execution: the tests above wrote storage and
  // a cookie, and the setup's afterEach hook must have removed both.
  it('starts with empty storage and no cookie', () => {
    expect(getStorage('localStorage')?.length).to.equal(0)
    expect(getDocument()?.cookie).to.equal('')
  })
})
