import { expect } from 'chai'
import sinon from 'sinon'

import { createGroup } from '../../../src/identity/group'

function rawCookie(name: string): string | undefined {
  for (const pair of document.cookie.split('; ')) {
    const separator = pair.indexOf('=')
    if (pair.slice(0, separator) === name) return pair.slice(separator + 1)
  }
  return undefined
}

describe('createGroup', () => {
  afterEach(() => {
    sinon.restore()
  })

  it('has no id at first', () => {
    const group = createGroup({})

    expect(group.id()).to.equal(null)
  })

  it('stores the id in the cookie', () => {
    const group = createGroup({})

    group.identify('team-7')

    expect(rawCookie('ajs_group_id')).to.equal('%22team-7%22')
  })

  it('stores the id in localStorage', () => {
    const group = createGroup({})

    group.identify('team-7')

    expect(localStorage.getItem('ajs_group_id')).to.equal('"team-7"')
  })

  it('stores properties in localStorage', () => {
    const group = createGroup({})

    group.identify('team-7', { plan: 'pro' })

    expect(localStorage.getItem('ajs_group_properties')).to.equal(
      '{"plan":"pro"}',
    )
  })

  it('keeps properties out of the cookie', () => {
    const group = createGroup({})

    group.identify('team-7', { plan: 'pro' })

    expect(rawCookie('ajs_group_properties')).to.equal(undefined)
  })

  it('merges properties for the same id', () => {
    const group = createGroup({})
    group.identify('team-7', { plan: 'pro' })

    group.identify('team-7', { seats: 3 })

    expect(group.traits()).to.deep.equal({ plan: 'pro', seats: 3 })
  })

  it('merges properties without an id', () => {
    const group = createGroup({})
    group.identify('team-7', { plan: 'pro' })

    group.identify(undefined, { seats: 3 })

    expect(group.traits()).to.deep.equal({ plan: 'pro', seats: 3 })
  })

  it('replaces properties for a new id', () => {
    const group = createGroup({})
    group.identify('team-7', { plan: 'pro' })

    group.identify('team-8', { seats: 3 })

    expect(group.traits()).to.deep.equal({ seats: 3 })
  })

  it('reads properties as traits', () => {
    const group = createGroup({})
    group.identify('team-7', { plan: 'pro' })

    expect(group.properties()).to.deep.equal({ plan: 'pro' })
  })

  it('sets traits directly', () => {
    const group = createGroup({})

    group.traits({ plan: 'pro' })

    expect(group.properties()).to.deep.equal({ plan: 'pro' })
  })

  it('writes no anonymous id', () => {
    const group = createGroup({})

    group.identify('team-7', { plan: 'pro' })

    expect(rawCookie('ajs_anonymous_id')).to.equal(undefined)
    expect(localStorage.getItem('ajs_anonymous_id')).to.equal(null)
  })

  it('reads the cookie over localStorage', () => {
    document.cookie = 'ajs_group_id=%22from-cookie%22; path=/'
    localStorage.setItem('ajs_group_id', '"from-storage"')

    const group = createGroup({})

    expect(group.id()).to.equal('from-cookie')
  })

  it('rewrites localStorage on load', () => {
    document.cookie = 'ajs_group_id=%22from-cookie%22; path=/'
    localStorage.setItem('ajs_group_id', '"from-storage"')
    const group = createGroup({})

    group.load()

    expect(localStorage.getItem('ajs_group_id')).to.equal('"from-cookie"')
  })

  it('clears id on reset', () => {
    const group = createGroup({})
    group.identify('team-7', { plan: 'pro' })

    group.reset()

    expect(group.id()).to.equal(null)
  })

  it('clears properties on reset', () => {
    const group = createGroup({})
    group.identify('team-7', { plan: 'pro' })

    group.reset()

    expect(group.properties()).to.deep.equal({})
  })

  it('removes stored keys on reset', () => {
    const group = createGroup({})
    group.identify('team-7', { plan: 'pro' })

    group.reset()

    expect(document.cookie).to.equal('')
    expect(localStorage.length).to.equal(0)
  })

  it('persists nothing when disabled', () => {
    const group = createGroup({ disableClientPersistence: true })

    group.identify('team-7', { plan: 'pro' })

    expect(document.cookie).to.equal('')
    expect(localStorage.length).to.equal(0)
  })
})
