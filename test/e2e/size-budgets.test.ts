import { expect } from 'chai'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { SIZE_RATCHETS, allowedSize, budgetById } from '../../bench/budgets.mjs'
import { measureSizes } from '../../bench/lib/size.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

type Sizes = Awaited<ReturnType<typeof measureSizes>>

function integrationSlugs(): string[] {
  return readdirSync(path.join(root, 'integrations'), { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(path.join(root, 'integrations', entry.name, 'index.ts')),
    )
    .map((entry) => entry.name)
    .sort()
}

/** Names the limit a size is held to, for the failure message. */
function limitText(id: string, slug?: string): string {
  const budget = budgetById(id).max
  const allowed = allowedSize(id, slug)
  return allowed === budget
    ? `budget ${budget} B`
    : `ratchet ${allowed} B (budget ${budget} B); see bench/budgets.mjs`
}

// The sizes come from bench/lib/size.mjs, as `npm run bench` reports them:
// rollup and terser over dist/esm, then gzip -9.
describe('size budgets', function () {
  this.timeout(300_000)
  let sizes: Sizes

  before(async () => {
    sizes = await measureSizes(root, { spa: false })
  })

  it('core bundle within its allowance', () => {
    const gzip = sizes.files.core.gzip

    expect(gzip, `core gzip: ${limitText('core-gzip')}`).to.be.at.most(
      allowedSize('core-gzip'),
    )
  })

  it('full bundle within its allowance', () => {
    const gzip = sizes.files.full.gzip

    expect(gzip, `full gzip: ${limitText('full-gzip')}`).to.be.at.most(
      allowedSize('full-gzip'),
    )
  })

  for (const slug of integrationSlugs()) {
    it(`${slug} adds bytes within its allowance`, () => {
      const entry = sizes.destinations.find((item) => item.slug === slug)

      expect(entry, `${slug} was not measured`).to.not.equal(undefined)
      expect(
        entry?.addedGzipBeyondFacade,
        `${slug}: ${limitText('destination-gzip', slug)}`,
      ).to.be.at.most(allowedSize('destination-gzip', slug))
    })
  }

  it('ratchets name existing destinations', () => {
    const slugs = integrationSlugs()

    for (const slug of Object.keys(SIZE_RATCHETS['destination-gzip'])) {
      expect(slugs, `ratchet for unknown destination ${slug}`).to.include(slug)
    }
  })

  it('ratchets sit above their budgets', () => {
    const ceilings: Array<[string, number]> = [
      ['core-gzip', SIZE_RATCHETS['core-gzip']],
      ['full-gzip', SIZE_RATCHETS['full-gzip']],
      ...Object.entries(SIZE_RATCHETS['destination-gzip']).map(
        ([slug, ceiling]): [string, number] => [
          `destination-gzip ${slug}`,
          ceiling,
        ],
      ),
    ]

    for (const [name, ceiling] of ceilings) {
      const budget = budgetById(name.split(' ')[0]!).max
      expect(
        ceiling,
        `${name}: a ceiling at or under the budget is not needed; remove it`,
      ).to.be.above(budget)
    }
  })
})
