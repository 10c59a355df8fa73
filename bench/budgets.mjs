// Performance and size budgets. `npm run bench -- --check` compares a run
// with every budget and exits 1 when one breaks. The size budgets are
// deterministic, so test/e2e/size-budgets.test.ts also checks them in
// `npm test`, against the ratchets below where a budget does not hold yet.
// KiB here means 1,024 bytes; sizes are gzip level 9 of minified code.

const KIB = 1024

/**
 * Each budget: `id`, what it limits (`label`), the `max` allowed value and
 * its `unit`. bench/lib/budget-check.mjs reads the measured values.
 */
export const BUDGETS = [
  {
    id: 'track-vs-analytics-next',
    label:
      'track, 5 destinations: µs per call, clickstream / analytics-next (same calls, same run)',
    max: 0.1,
    unit: 'ratio',
  },
  {
    id: 'track-vs-floor',
    label: 'track, 5 destinations: µs per call, clickstream / floor',
    max: 2,
    unit: 'ratio',
  },
  {
    id: 'retained-heap',
    label: 'JS heap retained after 10,000 track calls were delivered, after GC',
    max: 2 * 1024 * 1024,
    unit: 'bytes',
  },
  {
    id: 'core-gzip',
    label: 'dist/analytics.core.min.js, gzip',
    max: 10 * KIB,
    unit: 'bytes',
  },
  {
    id: 'destination-gzip',
    label: 'each destination, gzip bytes added to the core beyond the facade',
    max: 1.5 * KIB,
    unit: 'bytes',
  },
  {
    id: 'full-gzip',
    label: 'dist/analytics.min.js, gzip',
    max: 24 * KIB,
    unit: 'bytes',
  },
  {
    id: 'startup-long-task',
    label: 'longest task during start-up, median of the rounds',
    max: 50,
    unit: 'ms',
  },
]

/**
 * Ceilings of the size budgets that do not hold yet: the size measured when
 * the ceiling was recorded, plus 2%. The size test checks each of these
 * sizes against its ceiling instead of the budget, so a size cannot grow
 * while the gap is closed. Lower a ceiling whenever a change shrinks the
 * size. A destination without a ceiling is checked against the budget.
 */
export const SIZE_RATCHETS = {
  // NOTE: the core is 21,677 B (21.2 KiB) gzip, 2.1 times its budget. The
  // ceiling was raised from 21,419 B for two fixes: the queue stored in
  // chunks, and stored calls kept until their new copy is written.
  'core-gzip': 22_080,
  // NOTE: the full bundle is 36,680 B (35.8 KiB) gzip, 1.5 times its budget.
  'full-gzip': 36_733,
  // NOTE: beyond the facade, Facebook Pixel adds 2,581 B and Google
  // Analytics 4 adds 2,086 B, against a budget of 1,536 B each.
  'destination-gzip': {
    'facebook-pixel': 2642,
    'google-analytics-4': 2125,
  },
}

/** Returns the budget with `id`; throws when there is none. */
export function budgetById(id) {
  const budget = BUDGETS.find((item) => item.id === id)
  if (!budget) throw new Error(`No budget with id ${JSON.stringify(id)}.`)
  return budget
}

/**
 * Returns the size a test allows for budget `id` (and destination `slug`
 * for `destination-gzip`): the ratchet's ceiling when one is recorded,
 * else the budget.
 */
export function allowedSize(id, slug) {
  const ratchet = SIZE_RATCHETS[id]
  const ceiling = typeof ratchet === 'object' ? ratchet[slug] : ratchet
  return ceiling ?? budgetById(id).max
}
