import { expect } from 'chai'
import path from 'node:path'
import type { TransformResult } from 'rollup'
import { parseAst } from 'rollup/parseAst'

import { stripOptionDescriptions } from '../../../rollup.config.mjs'

const INTEGRATIONS = path.join(path.sep, 'project', 'integrations')
const INSIDE = path.join(INTEGRATIONS, 'acme', 'index.js')

/** Runs the plugin's transform as rollup would, on one module. */
function strip(code: string, id = INSIDE): string | null {
  const plugin = stripOptionDescriptions(INTEGRATIONS)
  const transform = plugin.transform as (
    this: { parse: typeof parseAst },
    code: string,
    id: string,
  ) => TransformResult
  const result = transform.call({ parse: parseAst }, code, id)
  if (result === null || result === undefined) return null
  return typeof result === 'string' ? result : (result.code ?? null)
}

const SOURCE = `const options = {
  apiKey: {
    type: 'string',
    required: true,
    description: 'API key, e.g. k-1.',
  },
  region: {
    type: 'string',
    default: 'eu',
    description: 'Data region: ' +
      '"eu" or "us".',
  },
  'trackPages': { description: \`Send page calls.\`, type: 'boolean' },
}
const migrations = [{ kind: 'reshaped', option: 'ids', description: 'a list' }]
const row = { type: 'note', description: 'kept' }
`

describe('stripOptionDescriptions', () => {
  it('removes the descriptions of optional options', () => {
    const code = strip(SOURCE)!

    expect(code).to.not.include('Data region')
    expect(code).to.not.include('Send page calls')
    expect(code).to.include("default: 'eu',")
    expect(code).to.include("type: 'boolean' }")
  })

  it('keeps the description of a required option', () => {
    expect(strip(SOURCE)).to.include("description: 'API key, e.g. k-1.',")
  })

  it('keeps descriptions outside option specs', () => {
    const code = strip(SOURCE)!

    expect(code).to.include("description: 'a list'")
    expect(code).to.include("description: 'kept'")
  })

  it('keeps every position, so the source map holds', () => {
    const code = strip(SOURCE)!

    expect(code.length).to.equal(SOURCE.length)
    expect(code.split('\n').map((line) => line.length)).to.deep.equal(
      SOURCE.split('\n').map((line) => line.length),
    )
  })

  it('leaves the result valid JavaScript', () => {
    const code = strip(SOURCE)!

    const run = new Function(`${code}; return options`) as () => unknown

    expect(run()).to.deep.equal({
      apiKey: {
        type: 'string',
        required: true,
        description: 'API key, e.g. k-1.',
      },
      region: { type: 'string', default: 'eu' },
      trackPages: { type: 'boolean' },
    })
  })

  it('skips modules outside integrations/', () => {
    expect(
      strip(SOURCE, path.join(path.sep, 'project', 'src', 'a.js')),
    ).to.equal(null)
  })
})
