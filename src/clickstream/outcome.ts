import type { DropReason } from '../errors'
import type { DeliveryConfig } from './config'
import type { QueueEntry } from './queue'
import type { StoredEvent } from './queue-store'
import {
  backoffDelayMs,
  classifyStatus,
  readServerWaitMs,
} from './retry-policy'
import type { SendResult } from './transport'

/** The fate of one event after its request settled. */
export type Decision =
  | { action: 'deliver' }
  | { action: 'drop'; reason: DropReason; status?: number; detail?: string }
  /** Send again after `waitMs`. A rate-limited retry has its own budget. */
  | { action: 'retry'; waitMs: number; rateLimited: boolean }
  /** Send again now in smaller requests. The attempt does not count. */
  | { action: 'split'; batchLimit: number }
  /** Wait for the `online` event. The attempt does not count. */
  | { action: 'hold' }

export interface DecisionContext {
  config: DeliveryConfig
  /** Events in the request that produced the result. */
  requestSize: number
  offline: boolean
  now: number
}

/**
 * Decides the fate of one event of a settled request. A failed attempt,
 * which `record.attempts` already counts, is retried while the budget of
 * its kind lasts. A server-requested wait is honoured, but never shorter
 * than the base backoff, so `Retry-After: 0` cannot cause a burst.
 */
export function decideOutcome(
  result: SendResult,
  record: StoredEvent,
  { config, requestSize, offline, now }: DecisionContext,
): Decision {
  let rateLimited = false
  let serverWaitMs: number | undefined
  let status: number | undefined
  let detail: string | undefined
  if (result.kind === 'network_error') {
    if (offline) return { action: 'hold' }
    detail = result.detail
  } else {
    status = result.status
    const outcome = classifyStatus(status, config)
    if (outcome === 'delivered') return { action: 'deliver' }
    if (outcome === 'split' && requestSize > 1) {
      return { action: 'split', batchLimit: Math.ceil(requestSize / 2) }
    }
    if (outcome !== 'retry') {
      const reason = outcome === 'split' ? 'event_too_large' : 'rejected'
      return { action: 'drop', reason, status }
    }
    serverWaitMs = readServerWaitMs(result, now, config.maxRateLimitWaitMs)
    rateLimited = status === 429 || serverWaitMs !== undefined
  }

  const retryNumber = rateLimited
    ? record.rateLimitedRetries + 1
    : record.attempts - record.rateLimitedRetries
  const budget = rateLimited ? config.maxRateLimitRetries : config.maxRetries
  if (retryNumber > budget) {
    const kind = rateLimited ? 'rate-limited' : 'backoff'
    return {
      action: 'drop',
      reason: 'retries_exhausted',
      status,
      detail: detail || `${budget} ${kind} retries used`,
    }
  }
  const waitMs =
    serverWaitMs === undefined
      ? backoffDelayMs(retryNumber, config)
      : Math.max(serverWaitMs, config.baseBackoffMs)
  return { action: 'retry', waitMs, rateLimited }
}

/**
 * Updates an event kept in the queue after a retry, split or hold decision:
 * its counters and the time from which it may be sent again. A split or a
 * hold takes back the attempt, so it can be sent at once.
 */
export function rescheduleEntry(
  entry: QueueEntry,
  decision: Extract<Decision, { action: 'retry' | 'split' | 'hold' }>,
  now: number,
): void {
  if (decision.action === 'retry') {
    if (decision.rateLimited) entry.rateLimitedRetries += 1
    entry.notBefore = entry.sendBy = entry.retryAt = now + decision.waitMs
    return
  }

  entry.attempts -= 1
  entry.notBefore = entry.sendBy = 0
  if (decision.action === 'split') entry.batchLimit = decision.batchLimit
}
