// Reads a settings file given on the command line.
import { readFileSync } from 'node:fs'

import { CommandError, EXIT_USAGE } from './errors.mjs'

/**
 * Reads and parses `file`. Returns `{ settings }`, or `{ problem }` with the
 * line and column of invalid JSON. Throws a CommandError when the file
 * cannot be read at all.
 */
export function readSettingsFile(file, tools) {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CommandError(
      `Cannot read the settings file "${file}" (${error.code ?? error.message}): check the path.`,
      EXIT_USAGE,
    )
  }
  const parsed = tools.parseJson(text)
  if (parsed.ok) return { settings: parsed.value }
  const { message, line, column } = parsed.error
  return {
    problem: {
      kind: 'invalid-json',
      path: tools.TOP_LEVEL,
      line,
      column,
      message: `${file}:${line}:${column}: invalid JSON: ${message}.`,
    },
  }
}
