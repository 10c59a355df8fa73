import type { Attempt, FaultServer } from './server'
import type { PageLog } from './tabs'

/** A retry may start this much before `Retry-After` ends: timer granularity. */
const RETRY_AFTER_SLACK_MS = 50

/** The figures of one scenario, computed at the collector by messageId. */
export interface Tally {
  sent: number
  /** Events acknowledged with a 2xx at least once. */
  delivered: number
  /** Events neither delivered nor reported as dropped. */
  missing: number
  /** Acknowledged deliveries beyond the first, per tab label. */
  duplicates: Map<string, number>
  /** Drops the pages reported, by reason. */
  drops: Map<string, number>
  /** Events reported as dropped that the collector had acknowledged. */
  droppedAfterDelivery: number
  requests: number
  /** First deliveries that arrived after a later event of the same tab. */
  reordered: number
  /** A request listing one tab's events out of order, or timestamps that do. */
  orderErrors: number
  /** Retries that came before the `Retry-After` of a 429 had passed. */
  earlyRetries: number
  /** A few missing events, as `tab#seq`, for the report. */
  missingSample: string[]
}

const keyOf = (tab: string, seq: number): string => `${tab}#${seq}`

function expectedKeys(log: PageLog): string[] {
  const keys: string[] = []
  for (const [tab, count] of log.tracked) {
    for (let seq = 0; seq < count; seq++) keys.push(keyOf(tab, seq))
  }
  return keys
}

/** Counts requests that list one tab's events out of sequence order. */
function countBodyOrderErrors(attempts: readonly Attempt[]): number {
  let errors = 0
  for (const attempt of attempts) {
    const last = new Map<string, number>()
    for (const { tab, seq } of attempt.events) {
      if (tab === undefined || seq === undefined) continue
      if ((last.get(tab) ?? -1) > seq) errors += 1
      last.set(tab, seq)
    }
  }
  return errors
}

/** Counts retries sent before the `Retry-After` of the response they follow. */
function countEarlyRetries(attempts: readonly Attempt[]): number {
  const lastResponse = new Map<string, Attempt>()
  let early = 0
  for (const attempt of attempts) {
    for (const { messageId } of attempt.events) {
      const previous = lastResponse.get(messageId)
      const wait = previous?.retryAfterMs
      if (previous?.respondedAt !== undefined && wait !== undefined) {
        const allowed = previous.respondedAt + wait - RETRY_AFTER_SLACK_MS
        if (attempt.at < allowed) early += 1
      }
      lastResponse.set(messageId, attempt)
    }
  }
  return early
}

interface FirstDelivery {
  tab: string
  seq: number
  timestamp: string
}

/** Counts arrival inversions and timestamps that contradict call order. */
function countOrder(firsts: readonly FirstDelivery[]): {
  reordered: number
  timestampErrors: number
} {
  const highest = new Map<string, number>()
  let reordered = 0
  for (const { tab, seq } of firsts) {
    if ((highest.get(tab) ?? -1) > seq) reordered += 1
    else highest.set(tab, seq)
  }

  const bySeq = [...firsts].sort((a, b) => {
    if (a.tab !== b.tab) return a.tab < b.tab ? -1 : 1
    return a.seq - b.seq
  })
  let timestampErrors = 0
  for (let i = 1; i < bySeq.length; i++) {
    const [before, after] = [bySeq[i - 1]!, bySeq[i]!]
    if (before.tab === after.tab && before.timestamp > after.timestamp) {
      timestampErrors += 1
    }
  }
  return { reordered, timestampErrors }
}

export function tally(server: FaultServer, log: PageLog): Tally {
  const expected = expectedKeys(log)
  const perMessage = new Map<string, number>()
  const idsPerKey = new Map<string, Set<string>>()
  const firsts: FirstDelivery[] = []

  for (const delivery of server.deliveries) {
    const { tab, seq, messageId } = delivery
    if (tab === undefined || seq === undefined) continue
    const count = (perMessage.get(messageId) ?? 0) + 1
    perMessage.set(messageId, count)
    const key = keyOf(tab, seq)
    const ids = idsPerKey.get(key) ?? new Set<string>()
    if (ids.size === 0) {
      firsts.push({ tab, seq, timestamp: delivery.timestamp ?? '' })
    }
    ids.add(messageId)
    idsPerKey.set(key, ids)
  }

  const duplicates = new Map<string, number>()
  for (const delivery of server.deliveries) {
    const { tab, seq } = delivery
    if (tab === undefined || seq === undefined) continue
    duplicates.set(tab, duplicates.get(tab) ?? 0)
  }
  for (const [key, ids] of idsPerKey) {
    const tab = key.slice(0, key.lastIndexOf('#'))
    let extra = ids.size - 1
    for (const id of ids) extra += (perMessage.get(id) ?? 1) - 1
    duplicates.set(tab, (duplicates.get(tab) ?? 0) + extra)
  }

  const drops = new Map<string, number>()
  const dropped = new Set<string>()
  let droppedAfterDelivery = 0
  for (const drop of log.drops) {
    const key = keyOf(drop.tab, drop.seq)
    drops.set(drop.reason, (drops.get(drop.reason) ?? 0) + 1)
    dropped.add(key)
    if (idsPerKey.has(key)) droppedAfterDelivery += 1
  }

  const missingKeys = expected.filter(
    (key) => !idsPerKey.has(key) && !dropped.has(key),
  )
  const { reordered, timestampErrors } = countOrder(firsts)
  const delivered = expected.filter((key) => idsPerKey.has(key)).length

  return {
    sent: expected.length,
    delivered,
    missing: missingKeys.length,
    duplicates,
    drops,
    droppedAfterDelivery,
    requests: server.attempts.length,
    reordered,
    orderErrors: countBodyOrderErrors(server.attempts) + timestampErrors,
    earlyRetries: countEarlyRetries(server.attempts),
    missingSample: missingKeys.slice(0, 8),
  }
}

/** True once every tracked event was delivered or reported as dropped. */
export function allAccounted(server: FaultServer, log: PageLog): boolean {
  const done = new Set<string>()
  for (const { tab, seq } of server.deliveries) {
    if (tab !== undefined && seq !== undefined) done.add(keyOf(tab, seq))
  }
  for (const { tab, seq } of log.drops) done.add(keyOf(tab, seq))
  return expectedKeys(log).every((key) => done.has(key))
}

export function totalDuplicates(tally: Tally): number {
  let total = 0
  for (const count of tally.duplicates.values()) total += count
  return total
}
