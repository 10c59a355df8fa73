import { expect } from 'chai'

import { buildMetadata } from '../../../src/pipeline/metadata'
import type { CDNSettings } from '../../../src/settings/types'

function settingsWith(names: string[]): CDNSettings {
  const integrations: CDNSettings['integrations'] = {
    'Segment.io': { apiKey: 'key' },
  }
  for (const name of names) integrations[name] = {}
  return { integrations } as CDNSettings
}

describe('_metadata', () => {
  it('lists destinations of the settings that no bundled one handles', () => {
    const settings = settingsWith(['Amplitude', 'Facebook Pixel'])
    const bundledNames = new Set(['Facebook Pixel'])

    const metadata = buildMetadata(['Facebook Pixel'], bundledNames, settings)

    expect(metadata).to.deep.equal({
      bundled: ['Facebook Pixel'],
      unbundled: ['Amplitude'],
      bundledIds: [],
    })
  })

  it('follows a destination bundled after an earlier call', () => {
    const settings = settingsWith(['Amplitude', 'Facebook Pixel'])
    const bundledNames = new Set<string>()
    const before = buildMetadata([], bundledNames, settings)

    bundledNames.add('Amplitude')
    const after = buildMetadata(['Amplitude'], bundledNames, settings)

    expect(before.unbundled).to.deep.equal(['Amplitude', 'Facebook Pixel'])
    expect(after.unbundled).to.deep.equal(['Facebook Pixel'])
  })

  it('follows new settings and gives each message its own list', () => {
    const bundledNames = new Set<string>()
    const first = buildMetadata([], bundledNames, settingsWith(['Amplitude']))
    const again = buildMetadata([], bundledNames, settingsWith(['Mixpanel']))
    const none = buildMetadata([], bundledNames, undefined)

    expect(first.unbundled).to.deep.equal(['Amplitude'])
    expect(again.unbundled).to.deep.equal(['Mixpanel'])
    expect(none.unbundled).to.deep.equal([])
    expect(buildMetadata([], bundledNames, undefined).unbundled).to.not.equal(
      none.unbundled,
    )
  })
})
