import { expect } from 'chai'

import {
  decodeStoredValue,
  encodeStoredValue,
  toId,
  toTraits,
} from '../../../src/identity/stored-value'

describe('decodeStoredValue', () => {
  const cases: Array<[string, string | null, unknown]> = [
    ['bare id', 'abc-123', 'abc-123'],
    ['quoted id', '"abc-123"', 'abc-123'],
    ['JSON object', '{"plan":"pro"}', { plan: 'pro' }],
    ['digits kept as text', '007', '007'],
    ['exponent kept as text', '1e5', '1e5'],
    ['malformed JSON kept as text', '"abc', '"abc'],
    ['missing value', null, null],
    ['empty text', '', null],
    ['null text', 'null', null],
    ['undefined text', 'undefined', null],
  ]

  for (const [name, text, expected] of cases) {
    it(`reads ${name}`, () => {
      const value = decodeStoredValue(text)

      expect(value).to.deep.equal(expected)
    })
  }
})

describe('encodeStoredValue', () => {
  it('quotes an id', () => {
    const text = encodeStoredValue('abc-123')

    expect(text).to.equal('"abc-123"')
  })

  it('serializes traits', () => {
    const text = encodeStoredValue({ plan: 'pro', seats: 3 })

    expect(text).to.equal('{"plan":"pro","seats":3}')
  })
})

describe('toId', () => {
  it('keeps a string', () => {
    expect(toId('user-42')).to.equal('user-42')
  })

  it('stringifies a number', () => {
    expect(toId(42)).to.equal('42')
  })

  it('reads empty string as none', () => {
    expect(toId('')).to.equal(null)
  })

  it('rejects an object', () => {
    expect(toId({ id: 'user-42' })).to.equal(null)
  })

  it('rejects NaN', () => {
    expect(toId(Number.NaN)).to.equal(null)
  })
})

describe('toTraits', () => {
  it('copies an object', () => {
    const stored = { plan: 'pro' }

    const traits = toTraits(stored)

    expect(traits).to.deep.equal({ plan: 'pro' })
    expect(traits).not.to.equal(stored)
  })

  it('reads an array as empty', () => {
    expect(toTraits(['pro'])).to.deep.equal({})
  })

  it('reads a string as empty', () => {
    expect(toTraits('pro')).to.deep.equal({})
  })

  it('reads null as empty', () => {
    expect(toTraits(null)).to.deep.equal({})
  })
})
