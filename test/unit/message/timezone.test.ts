import { expect } from 'chai'

import { resolveTimezone } from '../../../src/message/context'

describe('context.timezone', () => {
  it('takes the zone from Temporal when the browser has it', () => {
    const scope = { Temporal: { Now: { timeZoneId: () => 'Asia/Kolkata' } } }

    expect(resolveTimezone(scope)).to.equal('Asia/Kolkata')
  })

  it('falls back to Intl without Temporal', () => {
    const expected = Intl.DateTimeFormat().resolvedOptions().timeZone

    expect(resolveTimezone({})).to.equal(expected)
    expect(resolveTimezone({ Temporal: {} })).to.equal(expected)
  })

  it('returns an empty string when reading the zone throws', () => {
    const scope = {
      Temporal: {
        Now: {
          timeZoneId: () => {
            throw new RangeError('no zone')
          },
        },
      },
    }

    expect(resolveTimezone(scope)).to.equal('')
  })
})
