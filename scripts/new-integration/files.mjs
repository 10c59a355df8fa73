// Lists the files of a new destination with their final text: formatted by
// Prettier with the repository's settings, and with the README's generated
// sections rendered by the renderer of `npm run docs`.
import path from 'node:path'

import * as prettier from 'prettier'

import { describedSchema, renderReadme } from '../readme-sections.mjs'
import { destinationDocs, optionSchema, placeholderVendor } from './spec.mjs'
import { destinationSource } from './templates/destination.mjs'
import { docsSource } from './templates/docs.mjs'
import { iconSource } from './templates/icon.mjs'
import { readmeSource } from './templates/readme.mjs'
import { testSource } from './templates/test-file.mjs'

/**
 * Returns the folders a destination's files go in, relative to the
 * repository root, with POSIX separators: its own folder and its test folder.
 */
export function destinationFolders(slug) {
  return {
    integration: `integrations/${slug}`,
    test: `test/unit/integrations/${slug}`,
  }
}

async function format(root, file, text) {
  const absolute = path.join(root, file)
  const { inferredParser } = await prettier.getFileInfo(absolute)
  // Prettier has no parser for SVG; the template writes it as it should be.
  if (!inferredParser) return text
  const options = (await prettier.resolveConfig(absolute)) ?? {}
  return prettier.format(text, { ...options, parser: inferredParser })
}

/**
 * Returns `[{ path, text }]` for every file of the destination, `path`
 * relative to `root`. Writes nothing.
 */
export async function renderFiles(root, names, identifiers) {
  const folders = destinationFolders(names.slug)
  const vendor = placeholderVendor(names, identifiers)
  const options = optionSchema(names, vendor)
  const docs = destinationDocs(vendor)
  const testFile = `${folders.test}/destination.test.ts`
  const context = { names, identifiers, vendor, options, docs, testFile }

  const files = [
    [`${folders.integration}/index.ts`, destinationSource(context)],
    [`${folders.integration}/docs.ts`, docsSource(context)],
    [`${folders.integration}/README.md`, readmeSource(context)],
    [`${folders.integration}/icon.svg`, iconSource(context)],
    [testFile, testSource(context)],
  ]
  const rendered = []
  for (const [file, text] of files) {
    let formatted = await format(root, file, text)
    if (file.endsWith('README.md')) {
      formatted = await renderReadme(
        {
          schema: describedSchema(names.slug, options, docs),
          docs,
          readme: file,
          readmeFile: path.join(root, file),
        },
        formatted,
      )
    }
    rendered.push({ path: file, text: formatted })
  }
  return rendered
}
