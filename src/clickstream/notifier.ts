import type { DropReason } from '../errors'
import type { SegmentEvent } from '../message/types'
import type { DeliveryHooks } from './types'

export interface DropDetails {
  status?: number
  detail?: string
}

/** Outcome reporting to the hooks and the debug log. A failing hook is logged, not rethrown. */
export interface DeliveryNotifier {
  delivered(event: SegmentEvent): void
  dropped(event: SegmentEvent, reason: DropReason, details?: DropDetails): void
}

export function createNotifier(hooks: DeliveryHooks): DeliveryNotifier {
  const { logger } = hooks

  return {
    delivered(event) {
      logger.debug('delivered', event.messageId)
      try {
        hooks.onDelivered(event)
      } catch (error) {
        logger.debug('onDelivered hook failed', error)
      }
    },

    dropped(event, reason, details = {}) {
      const notice = { reason, messageId: event.messageId, event, ...details }
      logger.debug('dropped', notice)
      try {
        hooks.onDropped(notice)
      } catch (error) {
        logger.debug('onDropped hook failed', error)
      }
    },
  }
}
