// `clickstream validate-settings FILE [--json]`
import { EXIT_OK, EXIT_PROBLEMS } from './errors.mjs'
import { count, formatNote, formatProblem } from './format.mjs'
import { readSettingsFile } from './settings-file.mjs'

/**
 * Checks one settings file and prints the report on stdout: as text, or as
 * `{ file, problems, notes }` JSON with `--json`. Returns the exit status.
 */
export function validateSettings({ file, json }, { tools, destinations }) {
  const read = readSettingsFile(file, tools)
  const report =
    'problem' in read
      ? { problems: [read.problem], notes: [] }
      : tools.checkSettings(read.settings, destinations)

  if (json) {
    const output = { file, ...report }
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
  } else {
    process.stdout.write(`${formatReport(file, report).join('\n')}\n`)
  }
  return report.problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK
}

function formatReport(file, { problems, notes }) {
  const lines = [
    `${file}: ${problems.length === 0 ? 'no problems' : count(problems.length, 'problem')}, ${count(notes.length, 'note')}`,
  ]
  if (problems.length > 0) {
    lines.push('', 'Problems:')
    for (const problem of problems) lines.push(...formatProblem(problem))
  }
  if (notes.length > 0) {
    lines.push('', 'Notes:')
    for (const note of notes) lines.push(formatNote(note))
  }
  return lines
}
