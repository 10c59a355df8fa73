import { expect } from 'chai'
import { execFile } from 'node:child_process'
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const consumer = path.join(root, '.tmp', 'package-types')
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')

const APP = `import { AnalyticsBrowser } from 'clickstream-analytics'
import facebookPixel from 'clickstream-analytics/integrations/facebook-pixel'

export const analytics = AnalyticsBrowser.load({
  writeKey: 'k',
  plugins: [facebookPixel({ pixelId: '1234567890' })],
})
analytics.track('Order Completed', { total: 30 })
`

/** Type-checks `source` as an app that installed the package, with NodeNext resolution. */
function typeCheck(source: string): Promise<string> {
  writeFileSync(path.join(consumer, 'app.mts'), source)
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2020',
        '--lib',
        'es2020,dom',
        'app.mts',
      ],
      { cwd: consumer, timeout: 60_000 },
      (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
    )
  })
}

describe('published types', function () {
  this.timeout(120_000)

  before(() => {
    rmSync(consumer, { recursive: true, force: true })
    mkdirSync(path.join(consumer, 'node_modules'), { recursive: true })
    symlinkSync(
      root,
      path.join(consumer, 'node_modules', 'clickstream-analytics'),
      'dir',
    )
  })

  after(() => {
    rmSync(consumer, { recursive: true, force: true })
  })

  it('resolve under NodeNext', async () => {
    const output = await typeCheck(APP)

    expect(output).to.equal('')
  })

  it('reject a wrong option type', async () => {
    const output = await typeCheck(
      APP.replace("pixelId: '1234567890'", 'pixelId: 123'),
    )

    expect(output).to.match(
      /error TS2322: Type 'number' is not assignable to type 'string'/,
    )
  })
})
