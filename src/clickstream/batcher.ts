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

function groupIntoBatches<T extends Batchable>(
  candidates: readonly T[],
  options: PlanOptions,
): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let bytes = options.envelopeBytes
  let limit = options.batchSize

  for (const entry of candidates) {
    const nextLimit = Math.min(limit, entry.batchLimit)
    // One comma separates each event from the one before it.
    const nextBytes = bytes + entry.bytes + (current.length > 0 ? 1 : 0)
    const fits = current.length < nextLimit && nextBytes < options.maxBodyBytes
    if (current.length > 0 && !fits) {
      batches.push(current)
      current = []
      bytes = options.envelopeBytes
      limit = options.batchSize
    }
    current.push(entry)
    bytes += entry.bytes + (current.length > 1 ? 1 : 0)
    limit = Math.min(limit, entry.batchLimit)
  }
  if (current.length > 0) batches.push(current)
  return batches
}

function isFull<T extends Batchable>(
  batch: readonly T[],
  batchSize: number,
): boolean {
  const limit = Math.min(batchSize, ...batch.map((entry) => entry.batchLimit))
  return batch.length >= limit
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
  if (options.maxRequests <= 0) return []
  if (!options.batching) {
    return candidates.slice(0, options.maxRequests).map((entry) => [entry])
  }

  // A backlog larger than the free request slots carry at `batchSize` goes
  // out in bigger batches, up to the body limit, as analytics-next sends
  // whatever its buffer holds. Otherwise a page that tracks faster than
  // batches of `batchSize` drain would fill the queue and drop events.
  const backlogSize = Math.ceil(candidates.length / options.maxRequests)
  const batchSize = Math.max(options.batchSize, backlogSize)
  const batches = groupIntoBatches(candidates, { ...options, batchSize })
  const due =
    options.force || candidates.some((entry) => entry.sendBy <= options.now)
  const last = batches[batches.length - 1]
  if (!due && last && !isFull(last, batchSize)) batches.pop()
  return batches.slice(0, options.maxRequests)
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
