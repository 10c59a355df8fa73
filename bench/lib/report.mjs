// Prints a run's summary as plain-text tables, and the budget check.
import { MEASURED_CALLS } from './backlog.mjs'

/** Formats rows (arrays of strings) under `headers`: the first column aligns left, the rest right. */
export function formatTable(headers, rows) {
  const cells = [headers, ...rows]
  const widths = headers.map((_, column) =>
    Math.max(...cells.map((row) => row[column].length)),
  )
  const line = (row) =>
    row
      .map((cell, column) =>
        column === 0
          ? cell.padEnd(widths[column])
          : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd()
  return cells.map(line).join('\n')
}

const fixed = (value, digits = 1) =>
  Number.isFinite(value) ? value.toFixed(digits) : '—'
const whole = (value) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—'
const kib = (bytes) =>
  Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '—'

function shapeLabel({ method, destinations }) {
  return `${method}, ${destinations} destination${destinations === 1 ? '' : 's'}`
}

function dropsLabel(drops) {
  const entries = Object.entries(drops ?? {})
  if (entries.length === 0) return 'none'
  return entries.map(([reason, count]) => `${reason} ${count}`).join(', ')
}

/** Returns the report of `summary` as text, one section per figure. */
export function formatReport(summary, { options, peers }) {
  const sections = []
  const { floorUs } = summary
  sections.push(
    `Dispatch: clickstream, ${whole(options.calls)} calls in bursts of 1,000 per task, median of ${options.rounds} rounds.\n` +
      'µs/call runs from the first call of a burst until the page runs its next task (microtasks and tasks in between included).\n\n' +
      formatTable(
        ['case', 'µs/call', 'sync µs', '× floor', 'dropped, all rounds'],
        [
          [
            'floor (hand-built message, 5 calls)',
            fixed(floorUs),
            '',
            '1.0',
            '',
          ],
          ...summary.own.map((row) => [
            shapeLabel(row),
            fixed(row.burstUs),
            fixed(row.syncUs),
            fixed(row.perFloor),
            dropsLabel(row.drops),
          ]),
        ],
      ),
  )

  sections.push(
    `Side by side: ${whole(options.peerCalls)} calls, µs/call, median of the rounds. ` +
      `analytics-next ${peers['analytics-next'].version}, analytics ${peers.analytics.version}.\n\n` +
      formatTable(
        [
          'case',
          'rounds',
          'clickstream',
          'analytics-next',
          'analytics',
          'ours / next',
        ],
        summary.sideBySide.map((row) => [
          shapeLabel(row),
          String(row.rounds),
          fixed(row.bySdk.clickstream.burstUs),
          fixed(row.bySdk['analytics-next'].burstUs),
          fixed(row.bySdk.analytics.burstUs),
          fixed(row.perAnalyticsNext, 3),
        ]),
      ),
  )

  sections.push(
    'Delivery: track, 5 destinations, batches of up to 100 sent at least every second (peers: first round only).\n' +
      'main µs/event: main-thread task time from the first call until every event reached the collector or was dropped.\n' +
      'events/s: collector arrivals from the first call to the last arrival.\n\n' +
      formatTable(
        [
          'sdk',
          'calls',
          'rounds',
          'main µs/event',
          'events/s',
          'requests/1,000',
          'delivered',
          'dropped',
          'settled',
        ],
        summary.delivery.map((row) => [
          row.sdk,
          whole(row.calls),
          String(row.rounds),
          fixed(row.mainThreadUs),
          whole(row.eventsPerSecond),
          fixed(row.requestsPer1000),
          whole(row.deliveredEvents),
          dropsLabel(row.drops),
          row.settled ? 'yes' : 'TIMED OUT',
        ]),
      ),
  )

  sections.push(
    'Flat cost: clickstream track, 5 destinations, by number of calls.\n\n' +
      formatTable(
        ['calls', 'rounds', 'µs/call', 'sync µs', 'main µs/event'],
        summary.scale.map((row) => [
          whole(row.calls),
          String(row.rounds),
          fixed(row.burstUs),
          fixed(row.syncUs),
          fixed(row.mainThreadUs),
        ]),
      ),
  )

  sections.push(
    'Memory: JS heap retained after the track calls (5 destinations) were delivered, after forced GC.\n\n' +
      formatTable(
        ['sdk', 'calls', 'retained KiB', 'dropped'],
        summary.memory.map((row) => [
          row.sdk,
          whole(row.calls),
          kib(row.retainedBytes),
          dropsLabel(row.drops),
        ]),
      ),
  )

  const { startup } = summary
  sections.push(
    `Start-up: snippet + dist/analytics.min.js, 7 destinations on stand-in vendor scripts, median of ${startup.rounds} rounds.\n\n` +
      formatTable(
        ['figure', 'value'],
        [
          ['snippet to ready, ms', fixed(startup.readyMs)],
          [
            'navigation start to ready, ms',
            fixed(startup.readyFromNavigationMs),
          ],
          ['longest task, ms (median of rounds)', fixed(startup.longestTaskMs)],
          ['longest task, ms (max of rounds)', fixed(startup.maxLongestTaskMs)],
          ['long tasks over 50 ms, all rounds', String(startup.longTasks)],
          [
            'destinations not ready',
            startup.destinationsNotReady.join(', ') || 'none',
          ],
        ],
      ),
  )

  const { backlog } = summary
  sections.push(
    `Backlog: clickstream track, offline, one call per task, median of ${backlog.rounds} rounds.\n\n` +
      formatTable(
        ['events stored', 'µs/call', 'dropped'],
        [
          // The queue grows from empty while these calls are measured.
          [`0 to ${MEASURED_CALLS - 1}`, fixed(backlog.emptyUs), ''],
          [
            `${whole(backlog.storedEvents)} to ${whole(backlog.storedEvents + MEASURED_CALLS - 1)}`,
            fixed(backlog.storedUs),
            dropsLabel(backlog.drops),
          ],
        ],
      ),
  )

  sections.push(formatSizeTable(summary.sizes))
  return sections.join('\n\n')
}

/** Returns the size table of `sizes`, as bench/lib/size.mjs measures them. */
export function formatSizeTable(sizes) {
  const rows = [
    ['dist/analytics.core.min.js', ...sizeCells(sizes.files.core), '', ''],
    ['dist/analytics.min.js', ...sizeCells(sizes.files.full), '', ''],
    ['core (rebuilt from dist/esm)', ...sizeCells(sizes.core), '', ''],
    [
      'core + facade',
      ...sizeCells(sizes.withFacade),
      whole(sizes.withFacade.gzip - sizes.core.gzip),
      '',
    ],
    ...sizes.destinations.map((item) => [
      `core + ${item.slug}`,
      ...sizeCells(item),
      whole(item.addedGzip),
      whole(item.addedGzipBeyondFacade),
    ]),
  ]
  if (sizes.spa) {
    rows.push([
      `SPA: npm entry + ${sizes.spa.destination}`,
      ...sizeCells(sizes.spa),
      '',
      '',
    ])
  }
  return (
    'Size: bytes of minified code; gzip -9, brotli 11.\n\n' +
    formatTable(
      ['bundle', 'min B', 'gzip B', 'brotli B', '+gzip', '+gzip beyond facade'],
      rows,
    )
  )
}

function sizeCells(sizes) {
  return [whole(sizes.minified), whole(sizes.gzip), whole(sizes.brotli)]
}

function formatBudgetValue(value, unit) {
  if (!Number.isFinite(value)) return 'not measured'
  if (unit === 'ratio') return `${value.toFixed(3)}×`
  if (unit === 'bytes') return `${whole(value)} B`
  return `${fixed(value)} ms`
}

/** Returns the budget check as a table, one row per budget and subject. */
export function formatBudgetCheck(rows) {
  return (
    'Budgets (bench/budgets.mjs):\n\n' +
    formatTable(
      ['budget', 'max', 'measured', 'result'],
      rows.map((row) => [
        row.subject ? `${row.label} [${row.subject}]` : row.label,
        formatBudgetValue(row.max, row.unit),
        formatBudgetValue(row.value, row.unit),
        row.pass ? 'pass' : 'FAIL',
      ]),
    )
  )
}
