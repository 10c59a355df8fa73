import type { OptionMigration } from '../../src/integration/migrations'
import { isPlainObject } from '../../src/message/merge'

const VERSION = '2.5.0'

/**
 * Option changes of Segment's AdWords destination. Version 2.5.0 (lib/index.js
 * in segment-integrations/analytics.js-integration-adwords, released
 * 2017-10-30 with multiple conversion IDs) replaced the `remarketing` and
 * `whitelist` options and the `events` mapping of 2.4.0 with
 * `pageRemarketing` and `eventMappings`.
 */
export const adwordsMigrations: readonly OptionMigration[] = [
  {
    kind: 'renamed',
    version: VERSION,
    from: 'remarketing',
    to: 'pageRemarketing',
    note:
      'Before 2.5.0 it also sent a remarketing tag with the first conversion of a track call. ' +
      'Set `remarketing: true` on those eventMappings entries for that.',
  },
  {
    kind: 'renamed',
    version: VERSION,
    from: 'events',
    to: 'eventMappings',
    convert: eventsToEventMappings,
  },
  {
    kind: 'removed',
    version: VERSION,
    option: 'whitelist',
    reason:
      'For a remarketing tag without a conversion, add an eventMappings entry ' +
      'for the event with an empty label and `remarketing: true`.',
  },
]

/**
 * Converts the 2.4.0 `events` mapping, event name to conversion label as an
 * object or as `{ key, value }` pairs, to `eventMappings` entries. Entries
 * in another shape are kept as they are, and the destination reads them as
 * it reads any mapping.
 */
export function eventsToEventMappings(value: unknown): unknown {
  if (isPlainObject(value)) {
    return Object.entries(value).map(([event, label]) =>
      toEventMapping(event, label),
    )
  }
  if (!Array.isArray(value)) return value
  return value.map((entry) =>
    isPlainObject(entry) && typeof entry.key === 'string'
      ? toEventMapping(entry.key, entry.value)
      : entry,
  )
}

function toEventMapping(event: string, label: unknown): unknown {
  if (typeof label !== 'string' && typeof label !== 'number') {
    return { key: event, value: label }
  }
  return {
    key: event,
    value: {
      eventName: event,
      label: String(label),
      conversionId: '',
      remarketing: false,
    },
  }
}
