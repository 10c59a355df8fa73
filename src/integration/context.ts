import { createLogger } from '../debug'
import type { JSONObject, SegmentEvent } from '../message/types'
import type { PluginContext } from './types'

const log = createLogger('plugin')

/** Builds the context object handed to plugin methods. */
export function createPluginContext(
  event: SegmentEvent,
  destinationOptions?: JSONObject,
): PluginContext {
  const context: PluginContext = {
    id: event.messageId,
    event,
    destinationOptions,
    updateEvent(path, value) {
      setPath(context.event as unknown as JSONObject, path, value)
      return context
    },
    log(level, message, extras) {
      if (level === 'warn' || level === 'error') log.warn(message, extras ?? '')
      else log.debug(message, extras ?? '')
    },
    stats: {
      increment() {},
      gauge() {},
    },
  }
  return context
}

function setPath(target: JSONObject, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    if (typeof next !== 'object' || next === null) node[key] = {}
    node = node[key] as JSONObject
  }
  node[keys[keys.length - 1]!] = value
}
