import { admitEvent, type Rejection } from './admission'
import type { DeliveryConfig } from './config'
import type { QueueEntry } from './queue'
import type { StoredEvent } from './queue-store'

export interface RestoredQueue {
  entries: QueueEntry[]
  drops: Rejection[]
}

/**
 * True when one more send would exceed the retry budget. An event stored
 * while its last allowed attempt was in flight got no response and has no
 * retry left.
 */
export function isExhausted(
  record: StoredEvent,
  config: DeliveryConfig,
): boolean {
  const backoffAttempts = record.attempts - record.rateLimitedRetries
  return (
    backoffAttempts > config.maxRetries ||
    record.rateLimitedRetries > config.maxRateLimitRetries
  )
}

/**
 * Rebuilds queue entries from events stored by earlier page loads, in stored
 * order. Events that fail admission or have no retry left become drops, and
 * a repeated messageId is kept once.
 */
export function restoreQueue(
  records: readonly StoredEvent[],
  config: DeliveryConfig,
  now: number,
): RestoredQueue {
  const longestWait = Math.max(config.maxBackoffMs, config.maxRateLimitWaitMs)
  const entries: QueueEntry[] = []
  const drops: Rejection[] = []
  const seen = new Set<string>()

  for (const stored of records) {
    const { event } = stored
    if (seen.has(event.messageId)) continue
    seen.add(event.messageId)

    // A clock moved back must not hold an event longer than any wait allows.
    const retryAt =
      stored.retryAt === undefined
        ? undefined
        : Math.min(stored.retryAt, now + longestWait)
    const admission = admitEvent(event, { ...stored, retryAt }, now)
    if ('reason' in admission) {
      drops.push(admission)
    } else if (isExhausted(admission, config)) {
      const detail = 'no retries left after the page reloaded'
      drops.push({ event, reason: 'retries_exhausted', detail })
    } else {
      entries.push(admission)
    }
  }
  return { entries, drops }
}
