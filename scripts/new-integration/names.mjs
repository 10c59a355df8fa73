// Derives every name a new destination needs from its display name: the
// slug of its folders, the identifiers of its code, and the key that two
// names share when they differ only in case, accents, spacing or punctuation.
import { ScaffoldError } from './errors.mjs'

/**
 * Characters a display name may contain besides letters, marks, digits and
 * spaces. Each is safe unescaped where the name is written: in TypeScript
 * comments, Markdown text, table cells and code spans.
 */
const NAME_PUNCTUATION = ".,'’&()+-/:!?"
const NAME_PATTERN = new RegExp(
  `^[\\p{L}\\p{M}\\p{N} ${NAME_PUNCTUATION.replace(/[-\\\]^]/g, '\\$&')}]+$`,
  'u',
)

/**
 * Returns the name in plain ASCII where it has an ASCII form: `Café` becomes
 * `Cafe`. Letters without one (`日本`) are kept as they are.
 */
function stripAccents(text) {
  return text.normalize('NFKD').replace(/\p{M}/gu, '')
}

/** Returns the slug: lower-case ASCII letters and digits, words joined by `-`. */
export function slugFromName(name) {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * Returns the key two names share when they differ only in case, accents,
 * spacing or punctuation, such as `Segment.io` and `segment io`.
 */
export function nameKey(name) {
  return slugFromName(name).replace(/-/g, '')
}

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * Checks a display name and derives the destination's names from it:
 * `{ name, slug, camel, pascal }`, e.g. `Example Metrics`, `example-metrics`,
 * `exampleMetrics`, `ExampleMetrics`. Throws a ScaffoldError that names what to
 * change when the name cannot make a folder or an identifier.
 */
export function deriveNames(rawName) {
  if (typeof rawName !== 'string' || rawName.trim() === '') {
    throw new ScaffoldError(
      'missing destination name: pass its display name, for example `npm run new-integration -- "Example Metrics"`.',
    )
  }
  const name = rawName.trim().replace(/\s+/g, ' ')
  if (!NAME_PATTERN.test(name)) {
    const invalid = [...name].filter(
      (character) => !NAME_PATTERN.test(character),
    )
    throw new ScaffoldError(
      `invalid destination name ${JSON.stringify(name)}: it contains ${[...new Set(invalid)].map((character) => JSON.stringify(character)).join(', ')}. Use letters, digits, spaces and ${[...NAME_PUNCTUATION].join(' ')} only.`,
    )
  }
  if (!/[\p{L}\p{N}]/u.test(name)) {
    throw new ScaffoldError(
      `invalid destination name ${JSON.stringify(name)}: it has no letter or digit. Use the vendor's product name, for example "Example Metrics".`,
    )
  }
  const slug = slugFromName(name)
  if (slug === '') {
    throw new ScaffoldError(
      `invalid destination name ${JSON.stringify(name)}: it has no ASCII letter or digit to make its slug (the folder name) from. Add one, for example "${name} Analytics".`,
    )
  }
  if (/^[0-9]/.test(slug)) {
    throw new ScaffoldError(
      `invalid destination name ${JSON.stringify(name)}: its slug "${slug}" starts with a digit, so it cannot name the vendor global and the options type (a JavaScript identifier cannot start with a digit). Start the name with a letter, for example by spelling the number out.`,
    )
  }
  const words = slug.split('-')
  const pascal = words.map(capitalize).join('')
  const camel = words[0] + words.slice(1).map(capitalize).join('')
  return { name, slug, camel, pascal }
}
