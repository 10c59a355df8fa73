import { expect } from 'chai'
import adwords from '../../../integrations/adwords'
import googleAds from '../../../integrations/google-ads'
import googleTagManager from '../../../integrations/google-tag-manager'
import { DESTINATION_MOVES } from '../../../src/integration/moves'
import { migrateSettings } from '../../../src/integration/settings-migration'
import { moveSettings } from '../../../src/integration/settings-move'

const DESTINATIONS = [adwords, googleAds, googleTagManager]

const SETTINGS = {
  integrations: {
    'Google Tag Manager': { containerId: 'GTM-1', domain: 'gtm.test' },
    AdWords: { conversionId: '978352801', remarketing: true },
    Amplitude: { apiKey: 'k' },
  },
  plan: { track: {} },
}

describe('migrateSettings', () => {
  it('migrates the options of every bundled destination', () => {
    const { settings } = migrateSettings(SETTINGS, DESTINATIONS)

    expect(settings).to.deep.equal({
      integrations: {
        'Google Tag Manager': {
          containerId: 'GTM-1',
          fullURLpath: 'gtm.test/gtm.js',
        },
        AdWords: { conversionId: '978352801', pageRemarketing: true },
        Amplitude: { apiKey: 'k' },
      },
      plan: { track: {} },
    })
  })

  it('lists each change with its path', () => {
    const { changes } = migrateSettings(SETTINGS, DESTINATIONS)

    expect(changes.map(({ kind, path }) => [kind, path])).to.deep.equal([
      ['renamed', 'integrations["Google Tag Manager"].domain'],
      ['renamed', 'integrations["AdWords"].remarketing'],
      ['note', 'integrations["AdWords"]'],
    ])
    expect(changes[2]?.message).to.equal(
      'AdWords is outdated and "Google AdWords New" replaces it. Add --to "Google AdWords New" to move its settings. Without --to, both destinations keep working as configured.',
    )
  })

  it('does not mutate the settings', () => {
    const before = JSON.stringify(SETTINGS)

    migrateSettings(SETTINGS, DESTINATIONS)

    expect(JSON.stringify(SETTINGS)).to.equal(before)
  })
})

describe('moveSettings', () => {
  it('moves AdWords into Google AdWords New', () => {
    const outcome = moveSettings(
      { integrations: { AdWords: { conversionId: '1' }, Other: {} } },
      DESTINATIONS,
      DESTINATION_MOVES,
      'Google Ads (Gtag)',
    )

    if (!outcome.ok) throw new Error(outcome.message)
    expect(Object.keys(outcome.settings.integrations as object)).to.deep.equal([
      'Google AdWords New',
      'Other',
    ])
    expect(outcome.settings).to.deep.equal({
      integrations: {
        'Google AdWords New': {
          accountId: 'AW-1',
          sendPageView: true,
          clickConversions: [],
        },
        Other: {},
      },
    })
    expect(outcome.changes[outcome.changes.length - 1]?.message).to.equal(
      'AdWords → Google AdWords New: removed integrations["AdWords"], whose settings are now in integrations["Google AdWords New"].',
    )
  })

  it('keeps existing target values', () => {
    const outcome = moveSettings(
      {
        integrations: {
          'Google Ads (Classic)': {
            conversionId: '1',
            eventMappings: { Login: 'label-1' },
          },
          'Google Ads (Gtag)': {
            accountId: 'AW-2',
            sendPageView: false,
            clickConversions: [{ value: { event: 'Play', id: 'p' } }],
          },
        },
      },
      DESTINATIONS,
      DESTINATION_MOVES,
      'Google AdWords New',
    )

    if (!outcome.ok) throw new Error(outcome.message)
    expect(outcome.settings.integrations).to.deep.equal({
      'Google Ads (Gtag)': {
        accountId: 'AW-2',
        sendPageView: false,
        clickConversions: [
          { value: { event: 'Play', id: 'p' } },
          { value: { event: 'Login', id: 'label-1', accountId: '' } },
        ],
      },
    })
    const conflicts = outcome.changes.filter((c) => c.kind === 'conflict')
    expect(conflicts.map((change) => change.message)).to.deep.equal([
      'integrations["Google Ads (Gtag)"].accountId is already "AW-2", so the moved value "AW-1" is not used. Change it by hand if the moved value is the right one.',
      'integrations["Google Ads (Gtag)"].sendPageView is already false, so the moved value true is not used. Change it by hand if the moved value is the right one.',
    ])
  })

  it('rejects an unsupported target', () => {
    const outcome = moveSettings(
      { integrations: { AdWords: {} } },
      DESTINATIONS,
      DESTINATION_MOVES,
      'Google Tag Manager',
    )

    expect(outcome).to.deep.equal({
      ok: false,
      reason: 'unsupported-target',
      message:
        'No move to "Google Tag Manager" is supported. Supported moves: --to "Google AdWords New" (from "AdWords").',
    })
  })

  it('fails when the settings hold nothing to move', () => {
    const outcome = moveSettings(
      { integrations: { 'Google AdWords New': { accountId: 'AW-1' } } },
      DESTINATIONS,
      DESTINATION_MOVES,
      'Google AdWords New',
    )

    expect(outcome).to.deep.equal({
      ok: false,
      reason: 'nothing-to-move',
      message:
        'The settings have no "AdWords" or "Google Ads (Classic)" entry in "integrations", so nothing moves to "Google AdWords New".',
    })
  })
})
