// Summaries of the samples each case collects, one per round.

/** Returns the median of `values`, the mean of the middle two when even; NaN when empty. */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Returns the median of one numeric field over the samples. */
export function medianOf(samples, field) {
  return median(samples.map((sample) => sample[field]))
}

/** Adds the counts of `counts` into `total`, key by key, and returns `total`. */
export function addCounts(total, counts) {
  for (const [key, value] of Object.entries(counts ?? {})) {
    total[key] = (total[key] ?? 0) + value
  }
  return total
}
