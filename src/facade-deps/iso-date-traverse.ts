import { isIsoDate, parseIsoDate } from './iso-date'

/**
 * Stands in for @segment/isodate-traverse (1.1.1) in script-tag bundles,
 * where only @segment/facade requires it: the facade calls it on its clone
 * of each message. It replaces, in place and at any depth of objects and
 * arrays, every string that `isIsoDate(value, strict)` accepts with its
 * Date, and returns the input. `strict` defaults to true.
 */
export default function traverseIsoDates(
  input: unknown,
  strict = true,
): unknown {
  if (input && typeof input === 'object') {
    const record = input as Record<string, unknown>
    for (const key of Object.keys(record)) {
      record[key] = traverseIsoDates(record[key], strict)
    }
    return input
  }
  return isIsoDate(input, strict) ? parseIsoDate(input as string) : input
}
