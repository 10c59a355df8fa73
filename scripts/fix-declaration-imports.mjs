// Adds file extensions to the relative imports of the .d.ts files in
// dist/esm. TypeScript copies specifiers as written (`'./analytics'`), and
// consumers on moduleResolution node16 or nodenext need `./analytics.js`
// (or `./folder/index.js`) to resolve them, as the .js files already have.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const esmDir = path.join(root, 'dist', 'esm')

/** Matches `from '...'` and `import('...')` with a relative specifier. */
const RELATIVE_SPECIFIER = /(from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\2/g

function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier
  const base = path.resolve(path.dirname(file), specifier)
  if (existsSync(`${base}.d.ts`)) return `${specifier}.js`
  if (existsSync(path.join(base, 'index.d.ts'))) return `${specifier}/index.js`
  throw new Error(
    `${path.relative(root, file)}: cannot resolve ${specifier} to a declaration file`,
  )
}

function declarationFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return declarationFiles(full)
    return entry.name.endsWith('.d.ts') ? [full] : []
  })
}

let changed = 0
for (const file of declarationFiles(esmDir)) {
  const source = readFileSync(file, 'utf8')
  const fixed = source.replace(
    RELATIVE_SPECIFIER,
    (_, lead, quote, specifier) =>
      `${lead}${quote}${withExtension(file, specifier)}${quote}`,
  )
  if (fixed !== source) {
    writeFileSync(file, fixed)
    changed++
  }
}
console.log(`declarations: added extensions in ${changed} files`)
