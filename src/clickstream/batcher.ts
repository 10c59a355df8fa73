/** The fields of a queued event that the planner reads. */
export interface Batchable {
  /** Bytes of the event's JSON. */
  bytes: number
  /** Epoch milliseconds by which the event must be sent, full batch or not. */
  sendBy: number
  /** Max events in a request that carries this one. A 413 lowers it. */
  batchLimit: number
}

export interface PlanOptions {
  batching: boolean
  batchSize: number
  /** Every batch body stays below this many bytes. */
  maxBodyBytes: number
  /** Bytes of a batch body without events. */
  envelopeBytes: number
  now: number
  /** Whether partial batches go out too, as `flush()` and page exit require. */
  force: boolean
  maxRequests: number
}

/**
 * Groups the events that may be sent now into requests, oldest first.
 * Without batching each event is one request. With batching, full batches
 * always go out. Partial batches go out too when one event is due or the
 * caller forces it, and otherwise wait for the earliest deadline.
 */
export function planRequests<T extends Batchable>(
  candidates: readonly T[],
  options: PlanOptions,
): T[][] {
  const { maxRequests, maxBodyBytes, envelopeBytes } = options
  if (maxRequests <= 0) return []
  if (!options.batching) {
    return candidates.slice(0, maxRequests).map((entry) => [entry])
  }

  // A backlog larger than the free request slots carry at `batchSize` goes
  // out in bigger batches, up to the body limit, as analytics-next sends
  // whatever its buffer holds. Otherwise a page that tracks faster than
  // batches of `batchSize` drain would fill the queue and drop events.
  const batchSize = Math.max(
    options.batchSize,
    Math.ceil(candidates.length / maxRequests),
  )
  const batches: T[][] = []
  let batch: T[] = []
  let bytes = envelopeBytes
  /** Max events in `batch`: `batchSize`, or lower once a 413 split one. */
  let limit = batchSize
  for (const entry of candidates) {
    // One comma separates each event from the one before it.
    const fits =
      batch.length < Math.min(limit, entry.batchLimit) &&
      bytes + entry.bytes + 1 < maxBodyBytes
    if (batch.length > 0 && !fits) {
      batches.push(batch)
      batch = []
      bytes = envelopeBytes
      limit = batchSize
    }
    bytes += entry.bytes + (batch.length > 0 ? 1 : 0)
    limit = Math.min(limit, entry.batchLimit)
    batch.push(entry)
  }
  const due =
    options.force || candidates.some((entry) => entry.sendBy <= options.now)
  if (batch.length > 0 && (due || batch.length >= limit)) batches.push(batch)
  return batches.slice(0, maxRequests)
}

/**
 * Keeps requests, in order, while their bodies fit in `budget` bytes in
 * total. A request that does not fit is skipped, so a smaller later one may
 * still go out.
 */
export function fitBudget<T>(
  requests: readonly T[],
  bodyBytes: (request: T) => number,
  budget: number,
): T[] {
  let left = budget
  return requests.filter((request) => {
    const bytes = bodyBytes(request)
    if (bytes > left) return false
    left -= bytes
    return true
  })
}
