import { expect } from 'chai'
import sinon from 'sinon'
import adwords, { type AdWordsOptions } from '../../../integrations/adwords'
import { setDebugEnabled } from '../../../src/debug'
import { defineIntegration } from '../../../src/integration/define'
import type { PluginContext } from '../../../src/integration/types'

const acme = defineIntegration({
  name: 'Acme',
  options: {
    apiKey: { type: 'string', required: true, description: 'API key.' },
  },
  migrations: [
    { kind: 'renamed', version: '2.0.0', from: 'key', to: 'apiKey' },
    { kind: 'removed', version: '2.0.0', option: 'legacy', reason: 'Unused.' },
  ],
  load({ options, state }) {
    state.loadedWith = options.apiKey
  },
})

/** Returns the lines the debug log printed, prefix included. */
function printed(log: sinon.SinonStub): string[] {
  return log.getCalls().map((call) => call.args.join(' '))
}

describe('migrations at load', () => {
  afterEach(() => {
    sinon.restore()
    setDebugEnabled(false)
  })

  it('loads with the migrated options', async () => {
    const plugin = acme({ key: 'k-1' } as unknown as { apiKey: string })

    await plugin.load({} as PluginContext, undefined)

    expect(plugin.isLoaded()).to.equal(true)
  })

  it('logs each change in debug mode', async () => {
    setDebugEnabled(true)
    const log = sinon.stub(console, 'log')
    const plugin = acme({ key: 'k-1', legacy: true } as unknown as {
      apiKey: string
    })

    await plugin.load({} as PluginContext, undefined)

    expect(printed(log)).to.deep.equal([
      '[clickstream:Acme] Acme: renamed option "key" to "apiKey" (version 2.0.0).',
      '[clickstream:Acme] Acme: removed option "legacy" (true), dropped in version 2.0.0. Unused.',
    ])
  })

  it('prints nothing with debug mode off', async () => {
    const log = sinon.stub(console, 'log')
    const plugin = acme({ key: 'k-1' } as unknown as { apiKey: string })

    await plugin.load({} as PluginContext, undefined)

    expect(log.called).to.equal(false)
  })

  it('exposes migrations on the factory', () => {
    expect(acme.migrations).to.have.length(2)
    expect(acme.replacedBy).to.equal(undefined)
    expect(adwords.replacedBy).to.equal('Google AdWords New')
  })

  it('suggests the AdWords move', async () => {
    setDebugEnabled(true)
    const log = sinon.stub(console, 'log')
    const plugin = adwords({ conversionId: '978352801' } as AdWordsOptions)

    try {
      await plugin.load({} as PluginContext, undefined)
    } catch {
      // conversion_async.js never loads under happy-dom, so load rejects
      // after logging.
    }

    expect(printed(log)).to.deep.equal([
      '[clickstream:AdWords] AdWords is outdated and "Google AdWords New" replaces it. Both keep working as configured. To move the settings, run: npx clickstream migrate-settings --to "Google AdWords New" settings.json',
    ])
    expect(plugin.name).to.equal('AdWords')
  })
})
