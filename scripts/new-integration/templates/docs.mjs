// Writes integrations/<slug>/docs.ts: the optional options' descriptions and
// the mapping table, which the README's generated sections are rendered from.
import { toSource } from '../source.mjs'

export function docsSource({ names, docs }) {
  return `import type { IntegrationDocs } from '../../src/integration/docs'

/**
 * ${names.name}: the optional options' descriptions and what each Segment
 * call becomes, for the README, and the events it maps on its own, for the
 * manifest. index.ts never imports this file, so it ships in no bundle.
 */
export default ${toSource(docs)} satisfies IntegrationDocs
`
}
