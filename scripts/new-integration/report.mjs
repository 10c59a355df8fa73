// Writes what `npm run new-integration` prints once it has written (or, with
// --dry-run, listed) a destination's files.

/** Returns the files written and the steps that make the scaffold a real destination. */
export function successReport({ names, vendor, files, dryRun }) {
  const find = (suffix) => files.find((file) => file.path.endsWith(suffix)).path
  const heading = dryRun
    ? `Would write the ${names.name} destination (slug ${names.slug}):`
    : `Wrote the ${names.name} destination (slug ${names.slug}):`
  const lines = [heading, ...files.map((file) => `  ${file.path}`)]
  if (dryRun) {
    lines.push('Nothing was written (--dry-run).')
    return `${lines.join('\n')}\n`
  }
  lines.push(
    '',
    'Next steps:',
    '  1. Replace the placeholder vendor with the real one:',
    `     ${find('/index.ts')}: SDK_URL (${vendor.sdkUrl})`,
    `       and the window.${vendor.global} calls`,
    `     ${find('.test.ts')}: the stand-in and the expected calls`,
    `  2. After editing the options in index.ts or anything in docs.ts:`,
    '     npm run docs    regenerates the tables of its README.md',
    '  3. npm run build   bundles it into dist/analytics.min.js and lists it in',
    '                     dist/integrations.json',
    '  4. npm test',
    '  5. Add a row for it to the Destinations table of README.md.',
  )
  return `${lines.join('\n')}\n`
}
