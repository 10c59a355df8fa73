import { expect } from 'chai'
import sinon from 'sinon'

import { resetReportedCauses } from '../../../src/debug'
import {
  createIdentityStorage,
  resolveStoreTypes,
} from '../../../src/identity/identity-storage'
import type { StoreType } from '../../../src/identity/types'

describe('resolveStoreTypes', () => {
  beforeEach(() => {
    resetReportedCauses()
  })

  afterEach(() => {
    sinon.restore()
  })

  it('defaults to cookie, localStorage, memory', () => {
    const types = resolveStoreTypes({})

    expect(types).to.deep.equal(['cookie', 'localStorage', 'memory'])
  })

  it('keeps the given order', () => {
    const types = resolveStoreTypes({
      storage: { stores: ['memory', 'localStorage', 'cookie'] },
    })

    expect(types).to.deep.equal(['memory', 'localStorage', 'cookie'])
  })

  it('appends memory when missing', () => {
    const types = resolveStoreTypes({ storage: { stores: ['localStorage'] } })

    expect(types).to.deep.equal(['localStorage', 'memory'])
  })

  it('uses memory for an empty list', () => {
    const types = resolveStoreTypes({ storage: { stores: [] } })

    expect(types).to.deep.equal(['memory'])
  })

  it('drops duplicates', () => {
    const types = resolveStoreTypes({
      storage: { stores: ['cookie', 'cookie', 'memory'] },
    })

    expect(types).to.deep.equal(['cookie', 'memory'])
  })

  it('uses memory only without persistence', () => {
    const types = resolveStoreTypes({
      storage: { stores: ['cookie', 'localStorage'] },
      disableClientPersistence: true,
    })

    expect(types).to.deep.equal(['memory'])
  })

  it('skips an unknown store', () => {
    sinon.stub(console, 'error')
    const stores = ['sessionStorage', 'cookie'] as unknown as StoreType[]

    const types = resolveStoreTypes({ storage: { stores } })

    expect(types).to.deep.equal(['cookie', 'memory'])
  })

  it('reports an unknown store', () => {
    const error = sinon.stub(console, 'error')
    const stores = ['sessionStorage'] as unknown as StoreType[]

    resolveStoreTypes({ storage: { stores } })

    expect(String(error.firstCall.args[1])).to.contain('"sessionStorage"')
  })

  it('defaults when stores is not a list', () => {
    sinon.stub(console, 'error')
    const storage = JSON.parse('{"stores":"cookie"}') as {
      stores: StoreType[]
    }

    const types = resolveStoreTypes({ storage })

    expect(types).to.deep.equal(['cookie', 'localStorage', 'memory'])
  })
})

describe('createIdentityStorage', () => {
  it('keeps traits out of the cookie', () => {
    const storage = createIdentityStorage({})

    expect(storage.traits.types).to.deep.equal(['localStorage', 'memory'])
  })

  it('orders ids as configured', () => {
    const storage = createIdentityStorage({
      storage: { stores: ['localStorage', 'cookie'] },
    })

    expect(storage.ids.types).to.deep.equal([
      'localStorage',
      'cookie',
      'memory',
    ])
  })
})
