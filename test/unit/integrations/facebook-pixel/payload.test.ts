import { expect } from 'chai'
import {
  buildPayload,
  formatValue,
} from '../../../../integrations/facebook-pixel/payload'

const NO_LISTS = {
  whitelistPiiProperties: [],
  blacklistPiiProperties: [],
  standardEventsCustomProperties: [],
}

describe('Facebook Pixel payload', () => {
  it('drops personal data by exact property name', () => {
    const payload = buildPayload(
      { email: 'a@example.test', Email: 'kept', zip: '1', plan: 'pro' },
      NO_LISTS,
      false,
    )

    expect(payload).to.deep.equal({ Email: 'kept', plan: 'pro' })
  })

  it('keeps only the custom properties for standard e-commerce events', () => {
    const payload = buildPayload(
      { color: 'blue', size: 'L', email: 'a@example.test' },
      {
        ...NO_LISTS,
        standardEventsCustomProperties: ['color', 'email'],
        whitelistPiiProperties: ['email'],
      },
      true,
    )

    expect(payload).to.deep.equal({ color: 'blue', email: 'a@example.test' })
  })

  it('formats every travel date spelling as YYYY-MM-DD', () => {
    const date = new Date('2017-07-01T20:03:46Z')

    const payload = buildPayload(
      {
        checkin_date: date,
        CheckoutDate: date,
        'travel start': date,
        returning_departure_date: date,
        other_date: date,
      },
      NO_LISTS,
      false,
    )

    expect(payload).to.deep.equal({
      checkin_date: '2017-07-01',
      CheckoutDate: '2017-07-01',
      'travel start': '2017-07-01',
      returning_departure_date: '2017-07-01',
      other_date: date,
    })
  })

  it('formats money as a two-decimal string', () => {
    expect(formatValue(30)).to.equal('30.00')
    expect(formatValue(0.5)).to.equal('0.50')
    expect(formatValue('12.345')).to.equal('12.35')
    expect(formatValue(undefined)).to.equal('0.00')
  })
})
