// Text output of the `clickstream` commands.

const PREVIEW_LENGTH = 80

/** Formats a value as JSON, cut to one readable line. */
export function showValue(value) {
  if (value === undefined) return '(missing)'
  const json = JSON.stringify(value) ?? String(value)
  return json.length > PREVIEW_LENGTH
    ? `${json.slice(0, PREVIEW_LENGTH)}…`
    : json
}

/** Pluralizes `noun` for `count`: "1 problem", "2 problems". */
export function count(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** Formats one problem: its path, the expected and found values, the message. */
export function formatProblem(problem) {
  if (problem.kind === 'invalid-json') return [problem.message]
  const lines = [`  ${problem.path}`]
  if (problem.expected !== undefined) {
    lines.push(
      `    expected ${problem.expected}, found ${showValue(problem.found)}`,
    )
  }
  lines.push(`    ${problem.message}`)
  return lines
}

export function formatNote(note) {
  return `  ${note.path}: ${note.message}`
}
