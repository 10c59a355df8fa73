// Ports the #formatTraits cases of Segment's facebook-pixel test file: the
// advanced matching fields `init` gets from the stored user traits.
import { expect } from 'chai'
import {
  advancedMatching,
  type UserLike,
} from '../../../../integrations/facebook-pixel/traits'

/** The traits the reference identifies its user with before each case. */
const ASH = {
  name: 'Ash Ketchum',
  gender: 'Male',
  birthday: '01/13/1991',
  address: { city: 'Emerald', state: 'Kanto', postalCode: 123456 },
}

/** A user whose traits are the reference's, merged with `traits` as identify merges them. */
function user(traits: Record<string, unknown> = {}, id = '123'): UserLike {
  return {
    id: () => id,
    anonymousId: () => 'anon-1',
    traits: () => ({ ...ASH, ...traits }),
  }
}

describe('Facebook Pixel advanced matching', () => {
  it('is empty without a user', () => {
    expect(advancedMatching(undefined, {})).to.deep.equal({})
  })

  it('is empty for a user without traits', () => {
    const empty: UserLike = { ...user(), traits: () => ({}) }

    expect(advancedMatching(empty, {})).to.deep.equal({})
  })

  it('uses firstName and lastName as given', () => {
    const fields = advancedMatching(
      user({ firstName: 'Pika', lastName: 'chu' }),
      {},
    )

    expect(fields).to.deep.equal({
      fn: 'Pika',
      ln: 'chu',
      ge: 'm',
      db: '19910113',
      ct: 'emerald',
      st: 'kanto',
      zp: 123456,
    })
  })

  it('splits and lower-cases name without a firstName', () => {
    const fields = advancedMatching(
      user({ firstName: null, name: 'Pika chu' }),
      {},
    )

    expect(fields).to.deep.include({ fn: 'pika', ln: 'chu' })
  })

  it('leaves the names out when name is missing too', () => {
    const fields = advancedMatching(user({ firstName: null, name: null }), {})

    expect(fields).to.deep.equal({
      ge: 'm',
      db: '19910113',
      ct: 'emerald',
      st: 'kanto',
      zp: 123456,
    })
  })

  it('leaves the address fields out when address is null', () => {
    const fields = advancedMatching(user({ address: null }), {})

    expect(fields).to.deep.equal({
      fn: 'ash',
      ln: 'ketchum',
      ge: 'm',
      db: '19910113',
    })
  })

  describe('external_id', () => {
    const BRIE = {
      firstName: 'brie',
      lastName: 'test',
      test_external_id: '123456789',
      address: null,
    }
    const BRIE_FIELDS = { fn: 'brie', ln: 'test', ge: 'm', db: '19910113' }

    it('comes from the trait keyForExternalId names', () => {
      const fields = advancedMatching(user(BRIE), {
        keyForExternalId: 'test_external_id',
      })

      expect(fields).to.deep.equal({ ...BRIE_FIELDS, external_id: '123456789' })
    })

    it('is the user id when userIdAsExternalId is on', () => {
      const fields = advancedMatching(user(BRIE), { userIdAsExternalId: true })

      expect(fields).to.deep.equal({ ...BRIE_FIELDS, external_id: '123' })
    })

    it('is the anonymous id for a user without an id', () => {
      const anonymous: UserLike = { ...user(BRIE), id: () => null }

      const fields = advancedMatching(anonymous, { userIdAsExternalId: true })

      expect(fields).to.deep.equal({ ...BRIE_FIELDS, external_id: 'anon-1' })
    })

    it('prefers the named trait over the user id', () => {
      const fields = advancedMatching(user(BRIE), {
        userIdAsExternalId: true,
        keyForExternalId: 'test_external_id',
      })

      expect(fields).to.deep.equal({ ...BRIE_FIELDS, external_id: '123456789' })
    })

    it('is left out when keyForExternalId is empty', () => {
      const fields = advancedMatching(user(BRIE), { keyForExternalId: '' })

      expect(fields).to.deep.equal(BRIE_FIELDS)
    })

    it('is left out when neither option is set', () => {
      expect(advancedMatching(user(BRIE), {})).to.deep.equal(BRIE_FIELDS)
    })
  })

  it('reads snake_case names and postal code', () => {
    const fields = advancedMatching(
      user({
        first_name: 'john',
        last_name: 'doe',
        address: { postal_code: 123456 },
      }),
      {},
    )

    expect(fields).to.deep.equal({
      fn: 'john',
      ln: 'doe',
      ge: 'm',
      db: '19910113',
      zp: 123456,
    })
  })

  it('prefers camelCase traits over snake_case ones', () => {
    const fields = advancedMatching(
      user({
        firstName: 'joe',
        first_name: 'john',
        last_name: 'doe',
        address: { postal_code: 123456 },
      }),
      {},
    )

    expect(fields).to.deep.equal({
      fn: 'joe',
      ln: 'doe',
      ge: 'm',
      db: '19910113',
      zp: 123456,
    })
  })

  it('sends email and phone, and leaves an unparseable birthday out', () => {
    const fields = advancedMatching(
      user({ email: 'ash@example.test', phone: '555', birthday: 'someday' }),
      {},
    )

    expect(fields).to.deep.include({ em: 'ash@example.test', ph: '555' })
    expect(fields).to.not.have.property('db')
  })
})
