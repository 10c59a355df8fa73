// The help text of the `clickstream` command.

/**
 * Returns the usage text. `moves` lists the supported `--to` targets when
 * the build could be loaded, and the text names none without it.
 */
export function usage(moves = []) {
  const targets = moves.map((move) => `"${move.to}" (from "${move.from}")`)
  return `Usage: clickstream <command> [options]

Commands:
  validate-settings FILE [--json]
      Checks a Segment-style settings file, such as the body of
      /v1/projects/<writeKey>/settings, against the destinations this
      package bundles. Prints each problem with its path, the expected type
      or pattern and the value found, then notes: destinations left to the
      server side, and options that load migrates.
      --json     prints { file, problems, notes } as JSON instead

  migrate-settings FILE [--to NAME]
      Rewrites options that the bundled destinations renamed, reshaped or
      removed. Prints the migrated settings JSON on stdout and the list of
      changes on stderr, so this writes a new file:
        npx clickstream migrate-settings settings.json > migrated.json
      --to NAME  also moves the settings of the destination that NAME
                 replaces into NAME's entry and removes the old entry${targets.length > 0 ? `;\n                 supported: ${targets.join(', ')}` : ''}

Exit status: 0 when the settings are valid (validate-settings) or migrated
with nothing left to fix (migrate-settings); 1 when there are problems or
conflicts to fix by hand; 2 on a usage error, an unreadable file or a
missing build.

  clickstream --help   prints this text
`
}
