#!/usr/bin/env node
// The `clickstream` command: `clickstream --help` lists its commands. It
// runs on the build of this package (dist/esm) and needs no TypeScript.
import { parseArgs } from 'node:util'

import { loadDist } from './lib/dist.mjs'
import { CommandError, EXIT_OK, EXIT_USAGE } from './lib/errors.mjs'
import { migrateSettings } from './lib/migrate-settings.mjs'
import { usage } from './lib/usage.mjs'
import { validateSettings } from './lib/validate-settings.mjs'

/** Each command's options, for node:util's parseArgs, and its runner. */
const COMMANDS = {
  'validate-settings': {
    options: { json: { type: 'boolean' } },
    run: (values, file, dist) =>
      validateSettings({ file, json: values.json === true }, dist),
  },
  'migrate-settings': {
    options: { to: { type: 'string' } },
    run: (values, file, dist) => migrateSettings({ file, to: values.to }, dist),
  },
}

async function main(args) {
  const [name, ...rest] = args
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage(await movesIfBuilt()))
    return EXIT_OK
  }
  if (name === undefined) {
    process.stderr.write(usage(await movesIfBuilt()))
    return EXIT_USAGE
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) {
    throw new CommandError(
      `Unknown command "${name}". Use validate-settings or migrate-settings.\n\n${usage()}`,
      EXIT_USAGE,
    )
  }

  const { values, positionals } = parseCommandArgs(name, command, rest)
  if (values.help) {
    process.stdout.write(usage(await movesIfBuilt()))
    return EXIT_OK
  }
  if (positionals.length !== 1) {
    throw new CommandError(
      `${name} takes one settings file, received ${positionals.length === 0 ? 'none' : positionals.map((file) => `"${file}"`).join(', ')}: for example \`clickstream ${name} settings.json\`.`,
      EXIT_USAGE,
    )
  }
  return command.run(values, positionals[0], await loadDist())
}

function parseCommandArgs(name, command, args) {
  try {
    return parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new CommandError(
      `${name}: ${error.message} Run \`clickstream --help\` for the options.`,
      EXIT_USAGE,
    )
  }
}

/** Returns the supported moves for the help text, or none without a build. */
async function movesIfBuilt() {
  try {
    return (await loadDist()).tools.DESTINATION_MOVES
  } catch {
    // Help needs no build, so it prints without the move list here.
    return []
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof CommandError)) throw error
  process.stderr.write(`clickstream: ${error.message}\n`)
  process.exitCode = error.exitCode
}
