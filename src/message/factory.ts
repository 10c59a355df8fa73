import { deepMerge, setOwn } from './merge'
import { buildContext } from './context'
import { toPageContext, type BufferedPageContext } from './page-context'
import { copyPayload } from './sanitize'
import { uuid } from './uuid'
import type { CallOptions, EventType, JSONObject, SegmentEvent } from './types'

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
  const { identity } = input
  const options = copyPayload(input.options, 'options') as CallOptions

  const extra: JSONObject = {}
  for (const key of Object.keys(options)) {
    if (!RESERVED_OPTIONS.has(key)) setOwn(extra, key, options[key])
  }
  let context = deepMerge(buildContext(input.page), extra)
  if (options.context) context = deepMerge(context, options.context)
  if (options.traits)
    context.traits = { ...(context.traits as JSONObject), ...options.traits }

  const userId = options.userId ?? identity.userId
  const message: SegmentEvent = {
    ...input.fields,
    type: input.type,
    messageId: uuid(),
    // The arguments were checked already: a Date, a date string or a number.
    timestamp: new Date(options.timestamp ?? input.now).toISOString(),
    anonymousId: options.anonymousId ?? identity.anonymousId,
    context: context as SegmentEvent['context'],
    integrations: options.integrations ?? {},
  }
  if (userId != null) message.userId = userId
  return message
}

/** Default page properties, under the call's own properties. */
export function pageProperties(
  page: BufferedPageContext,
  category: string | null,
  name: string | null,
  properties: JSONObject,
): JSONObject {
  const result: JSONObject = {
    ...(page.u ? toPageContext(page) : {}),
    ...properties,
  }
  if (name) result.name = name
  if (category) result.category = category
  return result
}
