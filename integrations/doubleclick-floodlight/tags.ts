import type { Track } from '@segment/facade'
import { mapEvent, normalizeEventName } from '../../src/integration/mappings'
import { isPlainObject } from '../../src/message/merge'
import type { JSONObject } from '../../src/message/types'
import type { DoubleClickFloodlightOptions } from './index'

/** One Floodlight activity, as an entry of the `events` setting describes it. */
export interface FloodlightTag {
  cat?: string
  type?: string
  customVariable?: unknown
  isSalesTag?: boolean
  ordKey?: string | null
}

/** A URL parameter: its name, already encoded, and its value. */
type Param = [name: string, value: unknown]

const encode = (value: unknown): string => encodeURIComponent(text(value))

function text(value: unknown): string {
  if (value === undefined || value === null) return ''
  return Array.isArray(value) ? value.join(',') : String(value)
}

/**
 * Tells whether a value can go in the URL. Objects cannot, and the facade's
 * `proxy` returns `{}` for a path whose method returns nothing.
 */
function present(value: unknown): boolean {
  return (
    value !== undefined &&
    value !== null &&
    value !== '' &&
    !isPlainObject(value)
  )
}

/** Returns a counter tag's `ord`, a random number, so no response is cached. */
function cacheBuster(): string {
  return String(Math.random() * 10_000_000_000_000_000_000)
}

/**
 * Returns the tags `events` gives for `event`: values of `{ key, value }`
 * pairs or of an object, bare tag objects that name their `event`, and, for
 * a plain list of names, an empty tag that takes the top-level tag strings.
 */
export function tagsFor(mapping: unknown, event: string): FloodlightTag[] {
  const tags = mapEvent(mapping, event)
  if (Array.isArray(mapping)) {
    const expectedName = normalizeEventName(event)
    for (const entry of mapping) {
      if (
        isPlainObject(entry) &&
        entry.key === undefined &&
        typeof entry.event === 'string' &&
        normalizeEventName(entry.event) === expectedName
      )
        tags.push(entry)
    }
  }
  return tags.map((tag) => (isPlainObject(tag) ? tag : {}) as FloodlightTag)
}

/**
 * Builds the iframe URL of every Floodlight tag `track` fires. A tag with no
 * `cat` or `type` of its own or at the top level is skipped.
 */
export function tagUrls(
  track: Track,
  options: DoubleClickFloodlightOptions,
  childDirected = '',
): string[] {
  const source = options.source
  if (!source) return []
  const urls: string[] = []
  for (const tag of tagsFor(options.events, track.event())) {
    const type = tag.type || options.groupTag
    const cat = tag.cat || options.activityTag
    if (!type || !cat) continue
    const sales = tag.isSalesTag ? salesParams(track, tag, options) : undefined
    const params: Param[] = [
      ['src', source],
      ['type', type],
      ['cat', cat],
      ...(sales ? sales.params : []),
      ['dc_lat', ''],
      ['dc_rdid', ''],
      ['tag_for_child_directed_treatment', childDirected],
      ['ord', sales ? sales.ord : cacheBuster()],
      ...customVariables(track, tag.customVariable),
    ]
    const query = params.map(([name, value]) => `${name}=${encode(value)}`)
    urls.push(
      `https://${encode(source)}.fls.doubleclick.net/activityi;${query.join(';')}?`,
    )
  }
  return urls
}

/**
 * Computes a sales tag's `qty`, `cost` and `ord`. `qty` sums the products'
 * quantities, else reads `properties.quantity`, and is 1 when counting
 * transactions. `cost` is the revenue. `ord` is the value at the tag's
 * `ordKey`, else the order ID, else a random number.
 */
function salesParams(
  track: Track,
  tag: FloodlightTag,
  options: DoubleClickFloodlightOptions,
): { params: Param[]; ord: unknown } {
  const products = track.products()
  const items = products.length
    ? products.reduce<number>(
        (sum, product) => sum + (Number((product as JSONObject).quantity) || 0),
        0,
      )
    : Number(track.properties().quantity) || 0
  const qty = options.useTransactionCounting ? 1 : items || ''
  const byKey = typeof tag.ordKey === 'string' ? track.proxy(tag.ordKey) : ''
  const ord = [byKey, track.orderId()].find(present) ?? cacheBuster()
  return {
    params: [
      ['qty', qty],
      ['cost', track.revenue()],
    ],
    ord,
  }
}

/** Lists the `u1=...` pairs of a tag, names encoded, for variables with a value. */
function customVariables(track: Track, variables: unknown): Param[] {
  const params: Param[] = []
  for (const variable of Array.isArray(variables) ? variables : []) {
    if (!isPlainObject(variable) || typeof variable.key !== 'string') continue
    const value = lookUp(track, variable.key)
    if (present(variable.value) && present(value))
      params.push([encode(variable.value), value])
  }
  return params
}

/**
 * Reads a custom variable's value: `products.$.<field>` joins that field of
 * every product with commas, `{{path}}` reads any path of the message
 * (`context.campaign.name`, `userId`), and a bare name reads a property.
 */
function lookUp(track: Track, key: string): unknown {
  const path = /^\s*{{\s*(.+?)\s*}}\s*$/.exec(key)?.[1]
  const field = /^products\.\$\.(.+)$/.exec(path ?? key)?.[1]
  if (field) {
    return track
      .products()
      .map((product) => (product as JSONObject)?.[field])
      .filter(present)
      .join(',')
  }
  return path ? track.proxy(path) : track.properties()[key]
}

/**
 * Reads `tag_for_child_directed_treatment` from the call's `coppaCompliant`
 * option, or its old spelling `copaCompliant`, as `1`, `0` or empty.
 */
export function childDirectedFlag(callOptions?: JSONObject): string {
  const flag = callOptions?.coppaCompliant ?? callOptions?.copaCompliant
  return typeof flag === 'boolean' ? String(Number(flag)) : ''
}

/** Builds the cookie matching pixel URL, with the anonymous ID in base64 as `google_hm`. */
export function doubleClickIdUrl(
  options: DoubleClickFloodlightOptions,
  anonymousId: string,
): string {
  const bytes = new TextEncoder().encode(anonymousId)
  const hostedMatchId = btoa(String.fromCharCode(...bytes))
  return (
    `https://cm.g.doubleclick.net/pixel?google_nid=${encode(options.googleNetworkId)}` +
    `&segment_write_key=${encode(options.segmentWriteKey)}` +
    `&google_hm=${encode(hostedMatchId)}`
  )
}
