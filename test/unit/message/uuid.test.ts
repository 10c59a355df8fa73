import { expect } from 'chai'

import { uuid } from '../../../src/message/uuid'

const V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('uuid', () => {
  it('returns version 4 ids with the RFC 4122 variant', () => {
    for (let i = 0; i < 600; i++) expect(uuid()).to.match(V4)
  })

  it('returns no id twice across refills of the byte pool', () => {
    const ids = new Set<string>()
    for (let i = 0; i < 2000; i++) ids.add(uuid())

    expect(ids.size).to.equal(2000)
  })
})
