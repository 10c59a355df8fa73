import { expect } from 'chai'

import { isIsoDate, parseIsoDate } from '../../../src/facade-deps/iso-date'
import newDate from '../../../src/facade-deps/new-date'
import traverseIsoDates from '../../../src/facade-deps/iso-date-traverse'
import { isodate, newDatePackage, outcome, traversePackage } from './packages'

/** Date strings in the forms @segment/isodate accepts, and near misses. */
const DATE_STRINGS = [
  '2024-01-31',
  '2024-01-31T12:34:56Z',
  '2024-01-31T12:34:56.789Z',
  '2024-01-31T12:34:56.7Z',
  '2024-01-31T12:34:56.123456Z',
  '2024-01-31T12:34:56,5Z',
  '2024-01-31T12:34:56+02:00',
  '2024-01-31T12:34:56-0530',
  '2024-01-31T12:34:56+02',
  '2024-01-31T12:34',
  '2024-01-31T12:34Z',
  '2024-01-31T1234',
  '2024-01-31 12:34:56',
  '2024-01-31 12:34:56+01:00',
  '20240131T123456Z',
  '20240131',
  '2024-01',
  '202401',
  '2024',
  '2024-00-00',
  '2024-13-45T25:61:61Z',
  '0099-01-01T00:00:00Z',
  '2024-1-31',
  '2024-01-31T',
  '2024-01-31T12',
  '2024-01-31T12:34:56ZZ',
  ' 2024-01-31',
  '2024-01-31x',
  'Jan 31 2024',
  '1706704496',
  '1706704496123',
  '',
  'not a date',
]

const NON_STRINGS = [undefined, null, 0, 20240131, true, {}, [], new Date(0)]

describe('isIsoDate', () => {
  for (const value of [...DATE_STRINGS, ...NON_STRINGS]) {
    for (const strict of [undefined, false, true]) {
      it(`matches the package for ${String(value)} (strict ${strict})`, () => {
        expect(isIsoDate(value, strict)).to.equal(isodate.is(value, strict))
      })
    }
  }
})

describe('parseIsoDate', () => {
  for (const value of DATE_STRINGS) {
    it(`matches the package for ${JSON.stringify(value)}`, () => {
      const expected = isodate.parse(value).getTime()

      expect(parseIsoDate(value).getTime()).to.deep.equal(expected)
    })
  }
})

describe('newDate', () => {
  const values: unknown[] = [
    ...DATE_STRINGS,
    ...NON_STRINGS,
    new Date('2024-01-31T12:00:00Z'),
    1706704496,
    1706704496123,
    31557599999,
    31557600000,
    -5,
    NaN,
    new Number(1706704496),
    'created 1706704496 s',
    'id 1706704496123 ms',
    '123456789',
    'Wed, 31 Jan 2024 12:34:56 GMT',
  ]
  for (const value of values) {
    it(`matches the package for ${String(value)}`, () => {
      const expected = newDatePackage(value)

      const actual = newDate(value)

      expect(actual.getTime()).to.deep.equal(expected.getTime())
      expect(actual === value).to.equal(expected === value)
    })
  }
})

describe('traverseIsoDates', () => {
  /** A new copy each time, because both functions change their input. */
  const input = () => ({
    timestamp: '2024-01-31T12:34:56.789Z',
    properties: {
      day: '2024-01-31',
      compact: '20240131',
      month: '2024-01',
      text: 'ordered 2024-01-31',
      nested: { at: '2024-01-31 10:00:00', list: ['2024-02-01T00:00Z', 3] },
      products: [{ added: '2024-01-31T12:00:00+01:00', price: 9.5 }],
      empty: null,
      flag: false,
    },
  })

  for (const strict of [undefined, true, false]) {
    it(`matches the package (strict ${strict})`, () => {
      const expected = traversePackage(input(), strict)

      const actual = traverseIsoDates(input(), strict)

      expect(actual).to.deep.equal(expected)
    })
  }

  it('replaces values in place and returns the input', () => {
    const value = input()

    const result = traverseIsoDates(value)

    expect(result).to.equal(value)
    expect(value.properties.day).to.be.instanceOf(Date)
  })

  it('returns a converted top-level string', () => {
    expect(outcome(() => traverseIsoDates('2024-01-31'))).to.deep.equal(
      outcome(() => traversePackage('2024-01-31')),
    )
  })
})
