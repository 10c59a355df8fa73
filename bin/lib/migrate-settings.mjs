// `clickstream migrate-settings FILE [--to NAME]`
import { CommandError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './errors.mjs'
import { count, formatProblem } from './format.mjs'
import { readSettingsFile } from './settings-file.mjs'

/**
 * Prints the migrated settings as JSON on stdout and the changes on stderr,
 * so `> migrated.json` keeps only the settings. With `to`, also moves the
 * destination that `to` replaces. Returns the exit status: 1 when a
 * conflict or a problem is left to fix by hand.
 */
export function migrateSettings({ file, to }, { tools, destinations }) {
  const read = readSettingsFile(file, tools)
  if ('problem' in read) return fail(read.problem.message)
  const integrations = tools.readIntegrations(read.settings)
  if ('problem' in integrations) {
    return fail(`${file}: ${integrations.problem.message}`)
  }

  const migrated = tools.migrateSettings(read.settings, destinations)
  let { settings, changes } = migrated
  if (to !== undefined) {
    const moved = tools.moveSettings(
      settings,
      destinations,
      tools.DESTINATION_MOVES,
      to,
    )
    if (!moved.ok && moved.reason === 'unsupported-target') {
      throw new CommandError(moved.message, EXIT_USAGE)
    }
    if (!moved.ok) return fail(moved.message)
    settings = moved.settings
    // The notes that suggest --to for the moved entries no longer apply.
    const movedPaths = new Set(moved.changes.map((change) => change.path))
    changes = [
      ...changes.filter(
        (change) => change.kind !== 'note' || !movedPaths.has(change.path),
      ),
      ...moved.changes,
    ]
  }

  process.stdout.write(`${JSON.stringify(settings, null, 2)}\n`)
  const remaining = tools.checkSettings(settings, destinations).problems
  process.stderr.write(
    `${formatChanges(file, changes, remaining).join('\n')}\n`,
  )
  const conflicts = changes.filter((change) => change.kind === 'conflict')
  return conflicts.length > 0 || remaining.length > 0 ? EXIT_PROBLEMS : EXIT_OK
}

function formatChanges(file, changes, remaining) {
  const lines =
    changes.length === 0
      ? [`${file}: nothing to migrate; the settings are printed unchanged.`]
      : [`${file}: ${count(changes.length, 'change')}`]
  for (const change of changes) {
    const mark = change.kind === 'conflict' ? 'conflict: ' : ''
    lines.push(`  - ${mark}${change.message}`)
  }
  if (remaining.length > 0) {
    lines.push(
      '',
      `The migrated settings still have ${count(remaining.length, 'problem')} to fix by hand:`,
    )
    for (const problem of remaining) lines.push(...formatProblem(problem))
  }
  return lines
}

function fail(message) {
  process.stderr.write(`${message}\n`)
  return EXIT_PROBLEMS
}
