import { deepMerge, setOwn } from './merge'
import { buildContext } from './context'
import { toPageContext, type BufferedPageContext } from './page-context'
import { copyPayload } from './sanitize'
import { uuid } from './uuid'
import type {
  CallOptions,
  EventType,
  IntegrationsOptions,
  JSONObject,
  SegmentEvent,
} from './types'

/** Option keys with a meaning of their own; any other key goes into context. */
const RESERVED_OPTIONS = new Set([
  'integrations',
  'anonymousId',
  'userId',
  'timestamp',
  'context',
  'traits',
])

export interface Identity {
  userId: string | null
  anonymousId: string
}

export interface MessageInput {
  type: EventType
  options: CallOptions
  identity: Identity
  page: BufferedPageContext
  /** Moment of the call, in ms, used unless the options give a timestamp. */
  now: number
  fields: Partial<SegmentEvent>
}

/** Builds a message once, at call time: ids, timestamp, context and fields. */
export function buildMessage(input: MessageInput): SegmentEvent {
  const { type, identity, page, now, fields } = input
  const options = copyPayload(input.options, 'options') as CallOptions

  let context = buildContext(page) as JSONObject
  const extra: JSONObject = {}
  for (const key of Object.keys(options)) {
    if (!RESERVED_OPTIONS.has(key)) setOwn(extra, key, options[key])
  }
  context = deepMerge(context, extra)
  if (options.context) context = deepMerge(context, options.context)
  if (options.traits)
    context.traits = { ...(context.traits as JSONObject), ...options.traits }

  const userId = options.userId ?? identity.userId
  const message: SegmentEvent = {
    ...fields,
    type,
    messageId: uuid(),
    timestamp: readTimestamp(options.timestamp, now),
    anonymousId: options.anonymousId ?? identity.anonymousId,
    context: context as SegmentEvent['context'],
    integrations: (options.integrations ?? {}) as IntegrationsOptions,
  }
  if (userId !== null && userId !== undefined) message.userId = userId
  return message
}

function readTimestamp(value: unknown, now: number): string {
  // The arguments were checked already, so an invalid value cannot reach here.
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string' || typeof value === 'number') {
    return new Date(value).toISOString()
  }
  return new Date(now).toISOString()
}

/** Default page properties, under the call's own properties. */
export function pageProperties(
  page: BufferedPageContext,
  category: string | null,
  name: string | null,
  properties: JSONObject,
): JSONObject {
  const context = buildPageDefaults(page)
  const result: JSONObject = { ...context, ...properties }
  if (name) result.name = name
  if (category) result.category = category
  return result
}

function buildPageDefaults(page: BufferedPageContext): JSONObject {
  return page.u ? { ...toPageContext(page) } : {}
}
