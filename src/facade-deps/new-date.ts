import { isIsoDate, parseIsoDate } from './iso-date'

/** A number below this counts seconds since the epoch: 365.25 days in milliseconds. */
const SECONDS_LIMIT = 31557600000

const typeTag = (value: unknown) => Object.prototype.toString.call(value)

/**
 * Stands in for the `new-date` package (1.0.3) in script-tag bundles, where
 * only @segment/facade requires it: it turns a timestamp or a trait such as
 * `createdAt` into a Date. A Date is returned as is. A number below
 * `SECONDS_LIMIT` counts seconds, a larger one milliseconds. A string is
 * read as ISO 8601, then as 13 digits of milliseconds, then as 10 digits
 * of seconds, and otherwise by the `Date` constructor.
 */
export default function newDate(value: unknown): Date {
  if (typeTag(value) === '[object Date]') return value as Date
  if (typeTag(value) === '[object Number]') {
    const number = value as number
    return new Date(number < SECONDS_LIMIT ? number * 1000 : number)
  }
  if (isIsoDate(value)) return parseIsoDate(value as string)
  // Like the package, these test the value's string form, digits anywhere.
  const text = value as string
  if (/\d{13}/.test(text)) return new Date(parseInt(text, 10))
  if (/\d{10}/.test(text)) return new Date(parseInt(text, 10) * 1000)
  return new Date(text)
}
