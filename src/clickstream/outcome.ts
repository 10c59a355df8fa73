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
  random?: () => number
}

interface RetryCause {
  rateLimited: boolean
  serverWaitMs?: number
  status?: number
  detail?: string
}

/**
 * Plans the next retry of an event whose attempt failed. `record.attempts`
 * already counts that attempt. A server-requested wait is honoured, but never
 * shorter than the base backoff, so `Retry-After: 0` cannot cause a burst.
 */
function planRetry(
  record: StoredEvent,
  cause: RetryCause,
  context: DecisionContext,
): Decision {
  const { config, random } = context
  const { rateLimited, serverWaitMs } = cause
  const retryNumber = rateLimited
    ? record.rateLimitedRetries + 1
    : record.attempts - record.rateLimitedRetries
  const budget = rateLimited ? config.maxRateLimitRetries : config.maxRetries
  if (retryNumber > budget) {
    const kind = rateLimited ? 'rate-limited' : 'backoff'
    return {
      action: 'drop',
      reason: 'retries_exhausted',
      status: cause.status,
      detail: cause.detail || `${budget} ${kind} retries used`,
    }
  }
  const waitMs =
    serverWaitMs === undefined
      ? backoffDelayMs(retryNumber, config, random)
      : Math.max(serverWaitMs, config.baseBackoffMs)
  return { action: 'retry', waitMs, rateLimited }
}

/** Decides the fate of one event of a settled request. */
export function decideOutcome(
  result: SendResult,
  record: StoredEvent,
  context: DecisionContext,
): Decision {
  if (result.kind === 'network_error') {
    if (context.offline) return { action: 'hold' }
    const cause = { rateLimited: false, detail: result.detail }
    return planRetry(record, cause, context)
  }

  const { status } = result
  switch (classifyStatus(status, context.config)) {
    case 'delivered':
      return { action: 'deliver' }
    case 'split':
      if (context.requestSize > 1) {
        return {
          action: 'split',
          batchLimit: Math.ceil(context.requestSize / 2),
        }
      }
      return { action: 'drop', reason: 'event_too_large', status }
    case 'drop':
      return { action: 'drop', reason: 'rejected', status }
    case 'retry': {
      const { now, config } = context
      const serverWaitMs = readServerWaitMs(
        result,
        now,
        config.maxRateLimitWaitMs,
      )
      const rateLimited = status === 429 || serverWaitMs !== undefined
      return planRetry(record, { rateLimited, serverWaitMs, status }, context)
    }
  }
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
  const { record } = entry
  if (decision.action === 'retry') {
    if (decision.rateLimited) record.rateLimitedRetries += 1
    record.retryAt = now + decision.waitMs
    entry.notBefore = record.retryAt
    entry.sendBy = record.retryAt
    return
  }

  record.attempts -= 1
  entry.notBefore = 0
  entry.sendBy = 0
  if (decision.action === 'split') entry.batchLimit = decision.batchLimit
}
