// Ports the page and track cases of Segment's facebook-pixel test file
// (personal data filtering, custom, legacy and standard events, travel
// dates), run in Chromium against the fbevents.js stand-in.
import { expect } from 'chai'
import { callsOf, cleanUpPixel, loadPixel, PIXEL_ID } from './pixel'

/** Every property the pixel treats as personal data, plus one that is not. */
const WITH_PII = {
  email: 'steph@warriors.com',
  firstName: 'Steph',
  lastName: 'Curry',
  gender: 'male',
  city: 'Oakland',
  country: 'USA',
  phone: '12345534534',
  state: 'CA',
  zip: '12345',
  birthday: 'i dunno?',
}

afterEach(cleanUpPixel)

describe('Facebook Pixel: page', () => {
  it('tracks a PageView with the messageId as eventID', async () => {
    const pixel = await loadPixel()

    const { calls, eventID } = await callsOf(pixel, () => pixel.page())

    expect(eventID.eventID).to.be.a('string')
    expect(calls).to.deep.equal([['track', 'PageView', {}, eventID]])
  })
})

describe('Facebook Pixel: personal data in track', () => {
  it('drops the properties the pixel treats as personal data', async () => {
    const pixel = await loadPixel()

    const { calls, eventID } = await callsOf(pixel, () =>
      pixel.track('event', { ...WITH_PII, team: 'Warriors' }),
    )

    expect(calls).to.deep.equal([
      ['trackSingleCustom', PIXEL_ID, 'event', { team: 'Warriors' }, eventID],
    ])
  })

  it('sends whitelisted personal data', async () => {
    const pixel = await loadPixel({ whitelistPiiProperties: ['country'] })

    const { calls } = await callsOf(pixel, () =>
      pixel.track('event', { ...WITH_PII, team: 'Warriors' }),
    )

    expect(calls[0]![3]).to.deep.equal({ team: 'Warriors', country: 'USA' })
  })

  it('drops blacklisted properties', async () => {
    // The reference spells the flag `hashPropery` here, so nothing is hashed.
    const pixel = await loadPixel({
      blacklistPiiProperties: [{ propertyName: 'team', hashPropery: false }],
    })

    const { calls } = await callsOf(pixel, () =>
      pixel.track('event', {
        ...WITH_PII,
        position: 'point guard',
        team: 'Warriors',
      }),
    )

    expect(calls[0]![3]).to.deep.equal({ position: 'point guard' })
  })

  it('hashes blacklisted properties whose hashProperty is true', async () => {
    const pixel = await loadPixel({
      blacklistPiiProperties: [
        { propertyName: 'email', hashProperty: true },
        { propertyName: 'team', hashProperty: true },
      ],
    })

    const { calls } = await callsOf(pixel, () =>
      pixel.track('event', {
        ...WITH_PII,
        position: 'point guard',
        team: 'Warriors',
      }),
    )

    expect(calls[0]![3]).to.deep.equal({
      team: '3fae3f8daeddc90e04e7502be791c0d149cbc8f0886d68037ad81b8bd61d029d',
      email: '6dd27a21704a843224245b20369e216eecd3a599b78c4489e5f6cabb5aeca24a',
      position: 'point guard',
    })
  })

  it('hashes string values only, dropping others', async () => {
    const pixel = await loadPixel({
      blacklistPiiProperties: [
        { propertyName: 'email', hashProperty: true },
        { propertyName: 'number', hashProperty: true },
      ],
    })

    const { calls } = await callsOf(pixel, () =>
      pixel.track('event', { ...WITH_PII, number: 30 }),
    )

    expect(calls[0]![3]).to.deep.equal({
      email: '6dd27a21704a843224245b20369e216eecd3a599b78c4489e5f6cabb5aeca24a',
    })
  })

  for (const option of ['blacklistPiiProperties', 'whitelistPiiProperties']) {
    it(`treats a null ${option} as an empty list`, async () => {
      const pixel = await loadPixel({ [option]: null })

      const { calls } = await callsOf(pixel, () =>
        pixel.track('event', { ...WITH_PII, team: 'Warriors' }),
      )

      expect(pixel.analytics.destinationStatus()['Facebook Pixel']).to.equal(
        'ready',
      )
      expect(calls[0]![3]).to.deep.equal({ team: 'Warriors' })
    })
  }
})

describe('Facebook Pixel: events mapped to nothing', () => {
  it('sends a custom event', async () => {
    const pixel = await loadPixel()

    const { calls, eventID } = await callsOf(pixel, () => pixel.track('event'))

    expect(calls).to.deep.equal([
      ['trackSingleCustom', PIXEL_ID, 'event', {}, eventID],
    ])
  })

  it('sends a custom event with its properties', async () => {
    const pixel = await loadPixel()

    const { calls } = await callsOf(pixel, () =>
      pixel.track('event', { property: true }),
    )

    expect(calls[0]![3]).to.deep.equal({ property: true })
  })

  it('sends revenue as a two-decimal value', async () => {
    const pixel = await loadPixel()

    const { calls } = await callsOf(pixel, () =>
      pixel.track('event', {
        currency: 'XXX',
        revenue: 13,
        property: true,
      }),
    )

    expect(calls[0]![3]).to.deep.equal({
      currency: 'XXX',
      value: '13.00',
      property: true,
    })
  })
})

describe('Facebook Pixel: legacy events', () => {
  it('sends a mapped event to its conversion pixel', async () => {
    const pixel = await loadPixel()

    const { calls, eventID } = await callsOf(pixel, () =>
      pixel.track('legacyEvent'),
    )

    expect(calls).to.deep.equal([
      [
        'trackSingle',
        PIXEL_ID,
        'asdFrkj',
        { currency: 'USD', value: '0.00' },
        eventID,
      ],
    ])
  })

  it('sends the revenue as value', async () => {
    const pixel = await loadPixel()

    const { calls } = await callsOf(pixel, () =>
      pixel.track('legacyEvent', { revenue: 10 }),
    )

    expect(calls[0]![3]).to.deep.equal({ currency: 'USD', value: '10.00' })
  })

  it('sends only currency and value', async () => {
    const pixel = await loadPixel()

    const { calls } = await callsOf(pixel, () =>
      pixel.track('legacyEvent', { revenue: 13, property: true }),
    )

    expect(calls[0]![3]).to.deep.equal({ currency: 'USD', value: '13.00' })
  })
})

describe('Facebook Pixel: standard events', () => {
  it('sends a mapped event with no properties', async () => {
    const pixel = await loadPixel()

    const { calls, eventID } = await callsOf(pixel, () =>
      pixel.track('standardEvent'),
    )

    expect(calls).to.deep.equal([
      ['trackSingle', PIXEL_ID, 'standard', {}, eventID],
    ])
  })

  it('sends the properties, revenue as value', async () => {
    const pixel = await loadPixel()

    const { calls } = await callsOf(pixel, () =>
      pixel.track('standardEvent', {
        currency: 'XXX',
        revenue: 13,
        property: true,
      }),
    )

    expect(calls[0]![3]).to.deep.equal({
      currency: 'XXX',
      value: '13.00',
      property: true,
    })
  })

  it('adds currency USD to an event mapped to Purchase', async () => {
    const pixel = await loadPixel()

    const { calls } = await callsOf(pixel, () =>
      pixel.track('booking completed', { revenue: 13, property: true }),
    )

    expect(calls[0]!.slice(0, 4)).to.deep.equal([
      'trackSingle',
      PIXEL_ID,
      'Purchase',
      { currency: 'USD', value: '13.00', property: true },
    ])
  })

  it('sends an ISO travel date as YYYY-MM-DD', async () => {
    const pixel = await loadPixel()

    const { calls } = await callsOf(pixel, () =>
      pixel.track('search', { checkin_date: '2017-07-01T20:03:46Z' }),
    )

    expect(calls[0]!.slice(0, 4)).to.deep.equal([
      'trackSingle',
      PIXEL_ID,
      'Search',
      { checkin_date: '2017-07-01' },
    ])
  })

  it('passes a travel date it cannot parse through unchanged', async () => {
    const pixel = await loadPixel()

    const { calls } = await callsOf(pixel, () =>
      pixel.track('search', { checkin_date: '2017-06-23T15:30:00GMT' }),
    )

    expect(calls[0]![3]).to.deep.equal({
      checkin_date: '2017-06-23T15:30:00GMT',
    })
  })

  it('sends each standard event one Segment event maps to', async () => {
    const pixel = await loadPixel({
      standardEvents: [
        { key: 'signed_up', value: 'CompleteRegistration' },
        { key: 'Signed Up', value: 'Lead' },
      ],
    })

    const { calls } = await callsOf(pixel, () =>
      pixel.track('Signed Up', { plan: 'pro' }),
    )

    expect(calls.map((call) => call.slice(0, 4))).to.deep.equal([
      ['trackSingle', PIXEL_ID, 'CompleteRegistration', { plan: 'pro' }],
      ['trackSingle', PIXEL_ID, 'Lead', { plan: 'pro' }],
    ])
  })
})
