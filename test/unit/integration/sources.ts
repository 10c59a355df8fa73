// Loads every destination's option schema and docs.ts from the TypeScript
// sources, which mocha imports through tsx, so the tests need no build.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import type { IntegrationDocs } from '../../../src/integration/docs'
import type { OptionSchema } from '../../../src/integration/schema'
import {
  integrationSlugs,
  loadIntegration,
} from '../../../scripts/readme-sections.mjs'

export const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
)

export interface IntegrationSource {
  slug: string
  name: string
  schema: OptionSchema
  docs: IntegrationDocs
  /** The README's path from the repository root. */
  readme: string
  readmeFile: string
}

/** The slugs of integrations/<slug>/index.ts, read when the spec loads. */
export const slugs: string[] = integrationSlugs(root)

export function loadSource(slug: string): Promise<IntegrationSource> {
  return loadIntegration(
    root,
    slug,
    (file: string) => import(pathToFileURL(file).href),
  ) as Promise<IntegrationSource>
}
