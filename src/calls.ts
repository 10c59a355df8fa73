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
import type { Callback, EventType, SegmentEvent } from './message/types'

/** A call resolved into its message, its callback and its instance event. */
export interface BuiltCall {
  message: SegmentEvent
  callback?: Callback
  /** Emits the instance event (`track`, `page`, ...) with the resolved arguments. */
  emit: () => void
}

export interface CallDependencies {
  user: UserEntity
  group: () => GroupEntity
  emitter: Emitter<AnalyticsEvents>
}

/**
 * Resolves a call's arguments and builds its message. Identify, group and
 * alias update the stored identity first, so the message carries the
 * result. Throws InvalidArgumentError for arguments it cannot use.
 */
export function buildCall(
  method: EventType,
  args: unknown[],
  page: BufferedPageContext,
  now: number,
  deps: CallDependencies,
): BuiltCall {
  const { user, emitter } = deps
  const identity = () => ({
    userId: user.id(),
    anonymousId: user.anonymousId(),
  })

  switch (method) {
    case 'track': {
      const call = resolveTrack(args)
      call.properties = copyPayload(call.properties, 'properties')
      const message = buildMessage({
        type: 'track',
        options: call.options,
        identity: identity(),
        page,
        now,
        fields: { event: call.event, properties: call.properties },
      })
      return {
        message,
        callback: call.callback,
        emit: () =>
          emitter.emit('track', call.event, call.properties, call.options),
      }
    }
    case 'page':
    case 'screen': {
      const call = resolvePage(args, method)
      call.properties = copyPayload(call.properties, 'properties')
      const properties =
        method === 'page'
          ? pageProperties(page, call.category, call.name, call.properties)
          : call.properties
      const fields: Partial<SegmentEvent> = { properties }
      if (call.name !== null) fields.name = call.name
      if (call.category !== null) fields.category = call.category
      const message = buildMessage({
        type: method,
        options: call.options,
        identity: identity(),
        page,
        now,
        fields,
      })
      return {
        message,
        callback: call.callback,
        emit: () =>
          emitter.emit(
            method,
            call.category,
            call.name,
            properties,
            call.options,
          ),
      }
    }
    case 'identify': {
      const call = resolveUser(args, 'identify')
      call.traits = copyPayload(call.traits, 'traits')
      user.identify(call.id, call.traits)
      const message = buildMessage({
        type: 'identify',
        options: call.options,
        identity: identity(),
        page,
        now,
        fields: { traits: user.traits() },
      })
      return {
        message,
        callback: call.callback,
        emit: () =>
          emitter.emit('identify', user.id(), call.traits, call.options),
      }
    }
    case 'group': {
      const call = resolveUser(args, 'group')
      call.traits = copyPayload(call.traits, 'traits')
      const group = deps.group()
      group.identify(call.id, call.traits)
      const fields: Partial<SegmentEvent> = { traits: group.traits() }
      const groupId = group.id()
      if (groupId !== null) fields.groupId = groupId
      const message = buildMessage({
        type: 'group',
        options: call.options,
        identity: identity(),
        page,
        now,
        fields,
      })
      return {
        message,
        callback: call.callback,
        emit: () => emitter.emit('group', groupId, call.traits, call.options),
      }
    }
    case 'alias': {
      const call = resolveAlias(args)
      const previousId = call.from ?? user.id() ?? user.anonymousId()
      const message = buildMessage({
        type: 'alias',
        options: call.options,
        identity: identity(),
        page,
        now,
        fields: { previousId, userId: call.to },
      })
      // As in analytics.js, alias records the link only: the stored user id
      // and anonymous id stay as they are.
      message.userId = call.to
      return {
        message,
        callback: call.callback,
        emit: () => emitter.emit('alias', call.to, previousId, call.options),
      }
    }
  }
}
