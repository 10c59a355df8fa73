/** The part of the analytics instance's user entity that `init` reads. */
export interface UserLike {
  id(): string | null
  anonymousId(): string
  traits(): Record<string, unknown>
}

export interface MatchingOptions {
  keyForExternalId?: string
  userIdAsExternalId?: boolean
}

type Traits = Record<string, unknown>

/**
 * Builds the pixel's advanced matching fields from the stored user traits: email,
 * names, phone, gender initial, birthday as `YYYYMMDD`, city, state, postal
 * code and `external_id`. Fields without a value are left out.
 */
export function advancedMatching(
  user: UserLike | undefined,
  options: MatchingOptions,
): Record<string, unknown> {
  const traits: Traits = (user && user.traits()) || {}
  const address = (traits.address || {}) as Traits
  // Without a first name, the first and last words of name stand in.
  const firstName = traits.firstName || traits.first_name
  const words =
    typeof traits.name === 'string' ? traits.name.toLowerCase().split(' ') : []
  const key = options.keyForExternalId
  const externalId = key ? traits[key] : undefined

  const fields: Record<string, unknown> = {
    em: traits.email,
    fn: firstName || words.shift(),
    ln: firstName ? traits.lastName || traits.last_name : words.pop(),
    ph: traits.phone,
    ge: lowerCase(traits.gender, (gender) => gender.slice(0, 1)),
    db: birthday(traits.birthday),
    ct: lowerCase(address.city, (city) => city.split(' ').join('')),
    st: lowerCase(address.state),
    zp: address.postalCode || address.postal_code,
    external_id:
      !externalId && options.userIdAsExternalId && user
        ? user.id() || user.anonymousId()
        : externalId,
  }
  for (const name in fields) if (fields[name] == null) delete fields[name]
  return fields
}

/** Lower-cases `shape(value)` for a non-empty string, else undefined. */
function lowerCase(
  value: unknown,
  shape = (text: string) => text,
): string | undefined {
  return typeof value === 'string' && value
    ? shape(value).toLowerCase()
    : undefined
}

/** Formats a birthday as local `YYYYMMDD`, or undefined when unset or unparseable. */
function birthday(value: unknown): string | undefined {
  if (!value) return undefined
  const date = new Date(value as string)
  // Shifted by the offset, the UTC date reads as the local one.
  const local = date.getTime() - date.getTimezoneOffset() * 60_000
  if (!Number.isNaN(local))
    return new Date(local).toISOString().slice(0, 10).split('-').join('')
}
