import { normalizeEventName } from '../../src/integration/mappings'
import type { MovedOptions } from '../../src/integration/moves'
import type { JSONObject } from '../../src/message/types'
import { readAdwordsMappings, type AdwordsMapping } from './adwords-mappings'

/** The options of `AdWords` this move reads. It reports every other one. */
const MOVED_KEYS = new Set(['conversionId', 'eventMappings', 'pageRemarketing'])

/** Event names Google AdWords New sends with `value` from the revenue. */
const ORDER_COMPLETED = ['ordercompleted', 'completedorder']

/**
 * Converts the options of the classic `AdWords` destination to those of
 * `Google AdWords New`, as integrations/adwords/README.md tabulates them.
 * Pure: `adwords` is not mutated. Each option moved, converted or left
 * without an equivalent adds one line to `changes`.
 */
export function moveAdwordsToGoogleAds(adwords: JSONObject): MovedOptions {
  const options: JSONObject = {}
  const changes: string[] = []

  const accountId = toAccountId(adwords.conversionId)
  if (accountId) {
    options.accountId = accountId
    changes.push(
      `conversionId ${JSON.stringify(adwords.conversionId)} became accountId "${accountId}".`,
    )
  } else {
    const found = adwords.conversionId
    const problem =
      found === undefined || found === null || found === ''
        ? 'conversionId is missing'
        : `conversionId ${JSON.stringify(found)} is not a conversion ID`
    changes.push(
      `${problem}, so accountId is not set: set it to the Google Ads account ID ("AW-" and the conversion ID).`,
    )
  }

  options.sendPageView = true
  changes.push(pageViewChange(adwords.pageRemarketing === true))
  changes.push(
    'AdWords sent a conversion hit without a label with every page call, and Google AdWords New has no equivalent: it sends a page conversion only for a label in pageLoadConversions (named pages) or defaultPageConversion (unnamed pages). Add those labels by hand if you count page conversions.',
  )

  const { mappings, unreadable } = readAdwordsMappings(adwords.eventMappings)
  options.clickConversions = mappings.flatMap((mapping) => {
    changes.push(...mappingChanges(mapping))
    return mapping.label ? [clickConversion(mapping)] : []
  })
  for (const entry of unreadable) {
    changes.push(
      `eventMappings entry ${JSON.stringify(entry)} names no event, so it has no click conversion. Add it to clickConversions by hand.`,
    )
  }
  const valueChange = conversionValueChange(mappings)
  if (valueChange) changes.push(valueChange)

  const nonce = adwords.nonce
  if (typeof nonce === 'string') options.nonce = nonce
  for (const [key, value] of Object.entries(adwords)) {
    if (MOVED_KEYS.has(key) || value === undefined) continue
    if (key === 'nonce' && typeof value === 'string') continue
    changes.push(
      `option "${key}" (${JSON.stringify(value)}) has no equivalent in Google AdWords New and is left out.`,
    )
  }
  return { options, changes }
}

/** Turns `978352801` and `"978352801"` into `"AW-978352801"`, and keeps an `AW-` ID. */
export function toAccountId(id: unknown): string | undefined {
  if (typeof id !== 'string' && typeof id !== 'number') return undefined
  const text = String(id).trim()
  if (text === '') return undefined
  return /^AW-/i.test(text) ? text : `AW-${text}`
}

function pageViewChange(pageRemarketing: boolean): string {
  return pageRemarketing
    ? 'pageRemarketing true became sendPageView true: the page view gtag.js sends when it loads feeds remarketing.'
    : 'sendPageView is true: gtag.js sends one page view when it loads, where AdWords sent a hit with every page call.'
}

function clickConversion(mapping: AdwordsMapping): JSONObject {
  return {
    value: {
      event: mapping.event,
      id: mapping.label,
      accountId: toAccountId(mapping.conversionId) ?? '',
    },
  }
}

function mappingChanges(mapping: AdwordsMapping): string[] {
  const event = JSON.stringify(mapping.event)
  if (!mapping.label && mapping.remarketing) {
    return [
      `eventMappings ${event} sent a remarketing tag only, and Google AdWords New has no equivalent: it sends mapped conversions only. Create a conversion action for the event in Google Ads and add its label to clickConversions.`,
    ]
  }
  if (!mapping.label) {
    return [
      `eventMappings ${event} has no label and sent nothing, so it is left out.`,
    ]
  }
  const changes = [
    `eventMappings ${event} (label ${JSON.stringify(mapping.label)}) became a click conversion.`,
  ]
  if (mapping.remarketing) {
    changes.push(
      `eventMappings ${event}: the remarketing flag is dropped, because gtag.js adds every event it sends to remarketing.`,
    )
  }
  return changes
}

/**
 * Reports the events that lose their conversion value: AdWords sent the
 * revenue with every event, Google AdWords New with Order Completed only.
 */
function conversionValueChange(mappings: AdwordsMapping[]): string | undefined {
  const others = mappings
    .filter((mapping) => mapping.label)
    .map((mapping) => mapping.event)
    .filter((event) => !ORDER_COMPLETED.includes(normalizeEventName(event)))
  if (others.length === 0) return undefined
  const names = [...new Set(others)].map((event) => JSON.stringify(event))
  return `AdWords sent revenue as the conversion value of ${names.join(', ')}, but Google AdWords New sends a value for these events only from a "value" property, because it maps revenue to value for Order Completed only.`
}
