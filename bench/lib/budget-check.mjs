// Compares a run's summary with bench/budgets.mjs: one row per budget, and
// one per destination for the per-destination budget.
import { BUDGETS } from '../budgets.mjs'

/** Returns the measured value(s) of each budget: `[{ subject, value }]`. */
function measuredValues(id, summary) {
  const trackFive = (rows) =>
    rows.find((row) => row.method === 'track' && row.destinations === 5)
  switch (id) {
    case 'track-vs-analytics-next':
      return [
        {
          subject: `${trackFive(summary.sideBySide).calls} calls`,
          value: trackFive(summary.sideBySide).perAnalyticsNext,
        },
      ]
    case 'track-vs-floor':
      return [
        {
          subject: `${trackFive(summary.own).calls} calls`,
          value: trackFive(summary.own).perFloor,
        },
      ]
    case 'retained-heap': {
      // The clickstream sample with the most calls: --calls, 10,000 by default.
      const ours = summary.memory
        .filter((item) => item.sdk === 'clickstream')
        .sort((a, b) => b.calls - a.calls)[0]
      return [{ subject: `${ours?.calls} calls`, value: ours?.retainedBytes }]
    }
    case 'core-gzip':
      return [{ subject: '', value: summary.sizes.files.core.gzip }]
    case 'full-gzip':
      return [{ subject: '', value: summary.sizes.files.full.gzip }]
    case 'destination-gzip':
      return summary.sizes.destinations.map((item) => ({
        subject: item.slug,
        value: item.addedGzipBeyondFacade,
      }))
    case 'startup-long-task':
      return [{ subject: '', value: summary.startup.longestTaskMs }]
    default:
      throw new Error(`bench/lib/budget-check.mjs has no value for ${id}.`)
  }
}

/**
 * Returns one row per budget and subject: `{ id, label, subject, max,
 * unit, value, pass }`. A value that could not be measured fails.
 */
export function checkBudgets(summary) {
  const rows = []
  for (const budget of BUDGETS) {
    for (const { subject, value } of measuredValues(budget.id, summary)) {
      rows.push({
        id: budget.id,
        label: budget.label,
        subject,
        max: budget.max,
        unit: budget.unit,
        value,
        pass: Number.isFinite(value) && value <= budget.max,
      })
    }
  }
  return rows
}
