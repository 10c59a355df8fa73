import type { CampaignContext } from './types'

/**
 * Reads `utm_*` parameters into `context.campaign`: `utm_campaign` becomes
 * `name`, the others keep their suffix (`utm_source` → `source`).
 */
export function parseCampaign(search: string): CampaignContext | undefined {
  let campaign: CampaignContext | undefined
  for (const [key, value] of parseQuery(search)) {
    if (!key.startsWith('utm_')) continue

    const field = key.slice(4)
    if (!field) continue
    campaign ??= {}
    campaign[field === 'campaign' ? 'name' : field] = value
  }
  return campaign
}

/** Splits a query string into decoded pairs; malformed escapes stay raw. */
export function parseQuery(search: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  const query = search.startsWith('?') ? search.slice(1) : search
  if (!query) return pairs

  for (const part of query.split('&')) {
    if (!part) continue
    const equals = part.indexOf('=')
    const key = equals === -1 ? part : part.slice(0, equals)
    const value = equals === -1 ? '' : part.slice(equals + 1)
    pairs.push([decode(key), decode(value)])
  }
  return pairs
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}
