import {
  resolveAlias,
  resolvePage,
  resolveTrack,
  resolveUser,
} from './arguments'
import type { Emitter } from './emitter'
import type { AnalyticsEvents } from './events'
import type { GroupEntity, UserEntity } from './identity/types'
import { buildMessage, pageProperties } from './message/factory'
import type { BufferedPageContext } from './message/page-context'
import { copyPayload } from './message/sanitize'
import type {
  Callback,
  CallOptions,
  EventType,
  SegmentEvent,
} from './message/types'

/** A call resolved into its message and its callback. */
export interface BuiltCall {
  message: SegmentEvent
  callback?: Callback
}

/**
 * The identity a call reads and updates, and the emitter of its event: the
 * Analytics instance, or a stand-in for a call that a closed page left.
 */
export interface CallDependencies {
  user(): UserEntity
  group(): GroupEntity
  emit: Emitter<AnalyticsEvents>['emit']
}

/**
 * Resolves a call's arguments and builds its message, then emits the
 * instance event (`track`, `page`, ...) with the resolved arguments.
 * Identify, group and alias update the stored identity first, so the
 * message carries the result. Throws InvalidArgumentError for arguments it
 * cannot use, before emitting anything.
 */
export function buildCall(
  method: EventType,
  args: unknown[],
  page: BufferedPageContext,
  now: number,
  deps: CallDependencies,
): BuiltCall {
  const user = deps.user()
  let fields: Partial<SegmentEvent>
  // The instance event's arguments, before the call options.
  let emitted: unknown[]
  let call: { options: CallOptions; callback?: Callback }

  if (method === 'track') {
    const resolved = (call = resolveTrack(args))
    const properties = copyPayload(resolved.properties, 'properties')
    fields = { event: resolved.event, properties }
    emitted = [resolved.event, properties]
  } else if (method === 'page' || method === 'screen') {
    const resolved = (call = resolvePage(args, method))
    const { category, name } = resolved
    let properties = copyPayload(resolved.properties, 'properties')
    if (method === 'page')
      properties = pageProperties(page, category, name, properties)
    fields = { properties }
    if (name !== null) fields.name = name
    if (category !== null) fields.category = category
    emitted = [category, name, properties]
  } else if (method === 'alias') {
    const resolved = (call = resolveAlias(args))
    const previousId = resolved.from ?? user.id() ?? user.anonymousId()
    fields = { previousId, userId: resolved.to }
    emitted = [resolved.to, previousId]
  } else {
    // identify and group share their call shape and their update.
    const resolved = (call = resolveUser(args, method))
    const traits = copyPayload(resolved.traits, 'traits')
    const entity = method === 'group' ? deps.group() : user
    entity.identify(resolved.id, traits)
    fields = { traits: entity.traits() }
    const id = entity.id()
    if (method === 'group' && id !== null) fields.groupId = id
    emitted = [id, traits]
  }

  const { options } = call
  const message = buildMessage({
    type: method,
    options,
    identity: { userId: user.id(), anonymousId: user.anonymousId() },
    page,
    now,
    fields,
  })
  // As in analytics.js, alias records the link only: the stored user id
  // and anonymous id stay as they are, and the message names the new id
  // even over an options.userId.
  if (method === 'alias') message.userId = fields.userId
  ;(deps.emit as (...values: unknown[]) => void)(method, ...emitted, options)
  return { message, callback: call.callback }
}
