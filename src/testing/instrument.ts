import type { EventType } from '../message/types'
import type { IntegrationFactory, Plugin } from '../integration/types'

const CALL_TYPES: readonly EventType[] = [
  'track',
  'page',
  'screen',
  'identify',
  'group',
  'alias',
]

export interface DestinationObserver {
  loadFailed(error: unknown): void
  callFailed(messageId: string, error: unknown): void
}

/**
 * Wraps a destination factory so the test gets the errors its plugin
 * throws, in load and in each call, with the destination's own message.
 * The errors still reach the core, which handles them as it always does.
 */
export function instrumentFactory(
  factory: IntegrationFactory<never>,
  observer: DestinationObserver,
): IntegrationFactory {
  const create = (options: unknown): Plugin => {
    const plugin = factory(options as never)
    const load = plugin.load
    plugin.load = async (...args: Parameters<Plugin['load']>) => {
      try {
        return await load.apply(plugin, args)
      } catch (error) {
        observer.loadFailed(error)
        throw error
      }
    }
    for (const type of CALL_TYPES) {
      const method = plugin[type]
      if (!method) continue
      plugin[type] = async (context) => {
        try {
          return await method.call(plugin, context)
        } catch (error) {
          observer.callFailed(context.event.messageId, error)
          throw error
        }
      }
    }
    return plugin
  }
  return Object.assign(create, {
    integrationName: factory.integrationName,
    aliases: factory.aliases,
  })
}
