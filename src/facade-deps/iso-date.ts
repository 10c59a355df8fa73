// ISO 8601 detection and parsing with the rules of @segment/isodate 1.0.3,
// which new-date and @segment/isodate-traverse use inside @segment/facade.
// Those rules differ from `Date.parse`: a time without a zone is UTC, a space
// instead of `T` means the browser's current zone offset, and the separators
// of compact forms (`20240131T1200Z`) are optional.

// Groups: 1 year, 2 month, 3 day, 4 date-time separator, 5 hours,
// 6 minutes, 7 seconds, 8 fraction, 9 `Z`, 10 offset sign, 11 offset
// hours, 12 offset minutes.
const ISO_DATE =
  /^(\d{4})(?:-?(\d\d)(?:-?(\d\d))?)?(?:([ T])(\d\d):?(\d\d)(?::?(\d\d)(?:[,.](\d+))?)?(?:(Z)|([+-])(\d\d)(?::?(\d\d))?)?)?$/

/**
 * Returns true for a string in one of the accepted ISO forms. `strict`
 * also requires a full `YYYY-MM-DD` date at the start.
 */
export function isIsoDate(value: unknown, strict?: boolean): boolean {
  return (
    typeof value === 'string' &&
    (!strict || /^\d{4}-\d\d-\d\d/.test(value)) &&
    ISO_DATE.test(value)
  )
}

/**
 * Parses a string that `isIsoDate` accepts. A missing month or day is 1,
 * a missing time part 0, and digits of a fraction beyond milliseconds are
 * dropped. Anything else goes to the `Date` constructor.
 */
export function parseIsoDate(value: string): Date {
  const parts = ISO_DATE.exec(value)
  if (!parts) return new Date(value)

  const part = (index: number) => Number(parts[index]) || 0
  let offsetMinutes = 0
  if (parts[4] === ' ') {
    offsetMinutes = new Date().getTimezoneOffset()
  } else if (parts[9] !== 'Z' && parts[10]) {
    const sign = parts[10] === '+' ? -1 : 1
    offsetMinutes = sign * (part(11) * 60 + part(12))
  }
  const fraction = parts[8]
  const milliseconds = fraction ? Number(`${fraction}00`.slice(0, 3)) : 0
  return new Date(
    Date.UTC(
      part(1),
      (Number(parts[2]) || 1) - 1,
      Number(parts[3]) || 1,
      part(5),
      part(6) + offsetMinutes,
      part(7),
      milliseconds,
    ),
  )
}
