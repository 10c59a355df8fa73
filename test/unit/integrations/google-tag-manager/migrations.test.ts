import { expect } from 'chai'
import googleTagManager, {
  type GoogleTagManagerOptions,
} from '../../../../integrations/google-tag-manager'
import { hostToScriptPath } from '../../../../integrations/google-tag-manager/migrations'
import type { PluginContext } from '../../../../src/integration/types'
import { migrateOptions } from '../../../../src/integration/migrations'

const scope = globalThis as unknown as { dataLayer?: unknown[] }

afterEach(() => {
  delete scope.dataLayer
})

/**
 * Loads the destination and returns the load error, which names the script
 * URL: happy-dom fails every script, so load rejects.
 */
async function loadError(options: unknown): Promise<string> {
  const plugin = googleTagManager(options as GoogleTagManagerOptions)
  try {
    await plugin.load({} as PluginContext, undefined)
  } catch (error) {
    return (error as Error).message
  }
  return 'loaded'
}

describe('Google Tag Manager migrations', () => {
  it('declares the rename of domain to fullURLpath in 2.5.2', () => {
    expect(
      googleTagManager.migrations.map(({ kind, version }) => [kind, version]),
    ).to.deep.equal([['renamed', '2.5.2']])
  })

  it('turns a domain into the host and path of gtm.js', () => {
    expect(hostToScriptPath('gtm.example.test')).to.equal(
      'gtm.example.test/gtm.js',
    )
    expect(hostToScriptPath(' gtm.example.test/ ')).to.equal(
      'gtm.example.test/gtm.js',
    )
    expect(hostToScriptPath('')).to.equal('')
    expect(hostToScriptPath(undefined)).to.equal(undefined)
  })

  it('moves domain to fullURLpath in a settings entry', () => {
    const { options, changes } = migrateOptions(
      'Google Tag Manager',
      googleTagManager.migrations,
      { containerId: 'GTM-1', domain: 'gtm.example.test' },
    )

    expect(options).to.deep.equal({
      containerId: 'GTM-1',
      fullURLpath: 'gtm.example.test/gtm.js',
    })
    expect(changes.map((change) => change.message)).to.deep.equal([
      'Google Tag Manager: renamed option "domain" to "fullURLpath" (version 2.5.2), and "gtm.example.test" became "gtm.example.test/gtm.js".',
    ])
  })

  it('loads the container from an old domain setting', async () => {
    const error = await loadError({
      containerId: 'GTM-1',
      domain: 'gtm.example.test',
    })

    expect(error).to.contain(
      'The script https://gtm.example.test/gtm.js?id=GTM-1&l=dataLayer failed',
    )
  })

  it('prefers fullURLpath over domain', async () => {
    const error = await loadError({
      containerId: 'GTM-1',
      domain: 'old.example.test',
      fullURLpath: 'new.example.test/tags/gtm.js',
    })

    expect(error).to.contain(
      'The script https://new.example.test/tags/gtm.js?id=GTM-1&l=dataLayer failed',
    )
  })
})
