// The dispatch cases: which SDK, call and destination count each one runs,
// and in which round. Every case opens a fresh page (see page-case.mjs).

/** SDKs in the side-by-side table, ours first. */
export const SDKS = ['clickstream', 'analytics-next', 'analytics']

export const DESTINATION_COUNTS = [0, 1, 5, 25]

/** Call shapes of the dispatch table: track at each count, then page and identify. */
export const SHAPES = [
  ...DESTINATION_COUNTS.map((destinations) => ({
    method: 'track',
    destinations,
  })),
  { method: 'page', destinations: 5 },
  { method: 'identify', destinations: 5 },
]

/** Returns the id that names a case's samples in results.json. */
export function caseId({ sdk, method, destinations, calls }) {
  return `${sdk}/${method}/${destinations}/${calls}`
}

/**
 * Rounds of the side-by-side shapes other than track with 5 destinations.
 * A call of analytics-next costs about 2 ms, so each of its cases takes
 * seconds. The shapes that no budget reads run in fewer rounds, which
 * keeps the run short.
 */
export const SIDE_BY_SIDE_ROUNDS = 3

const isBudgetShape = (shape) =>
  shape.method === 'track' && shape.destinations === 5

/**
 * Returns the cases of round `round` (0 first), in run order:
 * - the floor, and clickstream in every shape, at `calls`;
 * - the three SDKs side by side at `peerCalls`, one SDK after the other for
 *   each shape: track with 5 destinations in every round, the other shapes
 *   in the first SIDE_BY_SIDE_ROUNDS rounds;
 * - in the first round only, clickstream's track with 5 destinations at
 *   `scaleCalls`, the far end of the flat-cost check.
 * Track with 5 destinations, the case the budgets read, waits for delivery:
 * clickstream's in every round, the peers' in the first round only, since
 * analytics-next takes 10 to 20 s to deliver 1,000 events. The scale case
 * waits too.
 */
export function roundCases({ calls, peerCalls, scaleCalls }, round) {
  const settles = (sdk, shape) =>
    isBudgetShape(shape) && (sdk === 'clickstream' || round === 0)
  const cases = [{ sdk: 'floor', method: 'track', destinations: 5, calls }]
  for (const shape of SHAPES) {
    const settle = settles('clickstream', shape)
    cases.push({ sdk: 'clickstream', ...shape, calls, settle })
  }
  for (const shape of SHAPES) {
    if (!isBudgetShape(shape) && round >= SIDE_BY_SIDE_ROUNDS) continue
    for (const sdk of SDKS) {
      const settle = settles(sdk, shape)
      cases.push({ sdk, ...shape, calls: peerCalls, settle })
    }
  }
  if (round === 0) {
    cases.push({
      sdk: 'clickstream',
      method: 'track',
      destinations: 5,
      calls: scaleCalls,
      settle: true,
    })
  }
  return cases
}
