import { normalizeEventName } from '../../src/integration/mappings'
import { isPlainObject } from '../../src/message/merge'
import { mappingsFor } from '../adwords/mappings'

/** One `eventMappings` entry of the AdWords destination, with its event. */
export interface AdwordsMapping {
  event: string
  label: string
  conversionId?: string | number
  remarketing: boolean
}

export interface AdwordsMappings {
  mappings: AdwordsMapping[]
  /** Entries that name no event the AdWords destination could match. */
  unreadable: unknown[]
}

/**
 * Lists every mapping of an AdWords `eventMappings` setting, in settings
 * order, read by the AdWords destination's own reader, so the move reads
 * what that destination sends. Bare event names carry no label and come
 * back with an empty one.
 */
export function readAdwordsMappings(setting: unknown): AdwordsMappings {
  const unreadable: unknown[] = []
  if (!Array.isArray(setting) && !isPlainObject(setting)) {
    if (setting !== undefined && setting !== null && setting !== '') {
      unreadable.push(setting)
    }
    return { mappings: [], unreadable }
  }
  const entries = Array.isArray(setting)
    ? setting
    : Object.keys(setting).map((key) => ({ key }))
  const names: string[] = []
  for (const entry of entries) {
    const name = eventNameOf(entry)
    if (name === undefined) unreadable.push(entry)
    else names.push(name)
  }

  const seen = new Set<string>()
  const mappings: AdwordsMapping[] = []
  for (const name of names) {
    const normalized = normalizeEventName(name)
    if (seen.has(normalized)) continue
    seen.add(normalized)
    const found = mappingsFor(setting, name)
    if (found.length === 0) {
      mappings.push({ event: name, label: '', remarketing: false })
    }
    for (const mapping of found) mappings.push({ event: name, ...mapping })
  }
  return { mappings, unreadable }
}

/** Returns the event an entry names, from where the AdWords reader reads it. */
function eventNameOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry
  if (!isPlainObject(entry)) return undefined
  const inner = isPlainObject(entry.value) ? entry.value : undefined
  const name = inner?.eventName ?? entry.key ?? entry.eventName
  return typeof name === 'string' && name.trim() !== '' ? name : undefined
}
