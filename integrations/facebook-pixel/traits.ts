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
  const traits: Traits = user?.traits() ?? {}
  let first = traits.firstName || traits.first_name
  let last: unknown
  if (first) {
    last = traits.lastName || traits.last_name
  } else {
    const words =
      typeof traits.name === 'string'
        ? traits.name.toLowerCase().split(' ')
        : []
    first = words.shift()
    last = words.pop()
  }
  const address = (traits.address || {}) as Traits
  let externalId = options.keyForExternalId
    ? traits[options.keyForExternalId]
    : undefined
  if (!externalId && options.userIdAsExternalId && user) {
    externalId = user.id() || user.anonymousId()
  }

  const fields: Record<string, unknown> = {
    em: traits.email,
    fn: first,
    ln: last,
    ph: traits.phone,
    ge: text(traits.gender)?.slice(0, 1).toLowerCase(),
    db: traits.birthday ? birthday(traits.birthday) : undefined,
    ct: text(address.city)?.split(' ').join('').toLowerCase(),
    st: text(address.state)?.toLowerCase(),
    zp: address.postalCode || address.postal_code,
    external_id: externalId,
  }
  for (const key of Object.keys(fields)) {
    if (fields[key] === undefined || fields[key] === null) delete fields[key]
  }
  return fields
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

/** Formats a birthday as local `YYYYMMDD`, or undefined when unparseable. */
function birthday(value: unknown): string | undefined {
  const date = new Date(value as string)
  // Shifted by the offset, the UTC date reads as the local one.
  const local = date.getTime() - date.getTimezoneOffset() * 60_000
  if (Number.isNaN(local)) return undefined
  return new Date(local).toISOString().slice(0, 10).split('-').join('')
}
