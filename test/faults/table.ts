import { totalDuplicates, type Tally } from './tally'

/** One scenario's outcome, as the table prints it. */
export interface Row {
  name: string
  tally: Tally
  seconds: number
  /** Empty when the scenario passed. */
  failures: string[]
}

const HEADER = [
  'scenario',
  'sent',
  'delivered',
  'missing',
  'duplicates',
  'drops by reason',
  'requests',
  'reordered',
  'time',
  'result',
]

/** Columns printed left-aligned; the others are figures. */
const TEXT_COLUMNS = new Set([0, 5, 9])

function formatDrops(drops: ReadonlyMap<string, number>): string {
  if (drops.size === 0) return '-'
  return [...drops]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ')
}

function cells(row: Row): string[] {
  const { tally } = row
  return [
    row.name,
    String(tally.sent),
    String(tally.delivered),
    String(tally.missing),
    String(totalDuplicates(tally)),
    formatDrops(tally.drops),
    String(tally.requests),
    String(tally.reordered),
    `${row.seconds.toFixed(1)} s`,
    row.failures.length === 0 ? 'ok' : 'FAILED',
  ]
}

/** Formats the rows as a plain-text table with aligned columns. */
export function formatTable(rows: readonly Row[]): string {
  const body = rows.map(cells)
  const widths = HEADER.map((title, column) =>
    Math.max(title.length, ...body.map((line) => line[column]!.length)),
  )
  const format = (line: readonly string[]): string =>
    line
      .map((cell, column) =>
        TEXT_COLUMNS.has(column)
          ? cell.padEnd(widths[column]!)
          : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd()
  return [format(HEADER), ...body.map(format)].join('\n')
}
