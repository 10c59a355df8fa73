import { expect } from 'chai'
import adwords from '../../../integrations/adwords'
import googleAds from '../../../integrations/google-ads'
import googleTagManager from '../../../integrations/google-tag-manager'
import { defineIntegration } from '../../../src/integration/define'
import { checkSettings } from '../../../src/integration/settings-check'

const acme = defineIntegration({
  name: 'Acme',
  aliases: ['Acme (Classic)'],
  options: {
    siteId: {
      type: 'string',
      required: true,
      description: 'Site ID.',
      pattern: '^S-\\d+$',
      example: 'S-123',
    },
    retries: { type: 'number', default: 3, description: 'Retries.' },
  },
  load() {},
})

const DESTINATIONS = [acme, adwords, googleAds, googleTagManager]

describe('checkSettings', () => {
  it('reports nothing for valid settings', () => {
    const report = checkSettings(
      { integrations: { Acme: { siteId: 'S-1' } }, plan: {} },
      DESTINATIONS,
    )

    expect(report).to.deep.equal({ problems: [], notes: [] })
  })

  it('reports a malformed top level', () => {
    expect(checkSettings([], DESTINATIONS).problems).to.deep.equal([
      {
        kind: 'not-an-object',
        path: '(top level)',
        expected: 'object',
        found: [],
        message:
          'Settings must be a JSON object with an "integrations" object inside: { "integrations": { "Destination Name": { ...options } } }.',
      },
    ])
    expect(
      checkSettings({ integrations: ['Acme'] }, DESTINATIONS).problems[0],
    ).to.include({ kind: 'not-an-object', path: 'integrations' })
    expect(checkSettings({}, DESTINATIONS).problems[0]).to.include({
      kind: 'missing',
      path: 'integrations',
    })
  })

  it('reports each invalid option', () => {
    const { problems } = checkSettings(
      {
        integrations: {
          'Acme (Classic)': { siteId: 'site 1', retries: 'often' },
        },
      },
      DESTINATIONS,
    )

    expect(problems).to.deep.equal([
      {
        kind: 'pattern-mismatch',
        path: 'integrations["Acme (Classic)"].siteId',
        expected: 'string matching ^S-\\d+$',
        found: 'site 1',
        message:
          'Acme: option "siteId" must match ^S-\\d+$ such as "S-123", received "site 1".',
      },
      {
        kind: 'wrong-type',
        path: 'integrations["Acme (Classic)"].retries',
        expected: 'number',
        found: 'often',
        message: 'Acme: option "retries" must be a number, received "often".',
      },
    ])
  })

  it('reports a missing required option', () => {
    const { problems } = checkSettings(
      { integrations: { 'Google Tag Manager': { environment: 'env-2' } } },
      DESTINATIONS,
    )

    expect(problems).to.have.length(1)
    expect(problems[0]).to.include({
      kind: 'missing',
      path: 'integrations["Google Tag Manager"].containerId',
      expected: 'string (required)',
    })
    expect(problems[0]).to.not.have.property('found')
    expect(problems[0]?.message).to.contain(
      'Google Tag Manager: option "containerId" is missing',
    )
  })

  it('reports an entry that is not an object', () => {
    const { problems } = checkSettings(
      { integrations: { Acme: 'S-1' } },
      DESTINATIONS,
    )

    expect(problems).to.deep.equal([
      {
        kind: 'not-an-object',
        path: 'integrations["Acme"]',
        expected: 'object',
        found: 'S-1',
        message:
          'Settings for "Acme" must be an object of option name to value. Load skips this destination.',
      },
    ])
  })

  it('notes unknown destinations instead of reporting them', () => {
    const report = checkSettings(
      { integrations: { Amplitude: { apiKey: 'k' }, 'Segment.io': {} } },
      DESTINATIONS,
    )

    expect(report.problems).to.deep.equal([])
    expect(report.notes).to.deep.equal([
      {
        kind: 'unknown-destination',
        path: 'integrations["Amplitude"]',
        message:
          '"Amplitude" is not a destination this package bundles, so load leaves it to the server side.',
      },
    ])
  })

  it('checks the endpoint entry by the delivery engine rules', () => {
    const { problems } = checkSettings(
      {
        integrations: {
          'Segment.io': { deliveryStrategy: { strategy: 'fast' } },
        },
      },
      DESTINATIONS,
    )

    expect(problems).to.deep.equal([
      {
        kind: 'invalid-endpoint-option',
        path: 'integrations["Segment.io"]',
        message:
          'Segment.io: deliveryStrategy.strategy must be "standard" or "batching", received "fast".',
      },
    ])
  })

  it('validates migrated options', () => {
    const report = checkSettings(
      {
        integrations: {
          'Google Tag Manager': { containerId: 'GTM-1', domain: 'gtm.test' },
        },
      },
      DESTINATIONS,
    )

    expect(report.problems).to.deep.equal([])
    expect(report.notes).to.deep.equal([
      {
        kind: 'migration',
        path: 'integrations["Google Tag Manager"].domain',
        message:
          'Google Tag Manager: renamed option "domain" to "fullURLpath" (version 2.5.2), and "gtm.test" became "gtm.test/gtm.js". Load applies this, and `clickstream migrate-settings` rewrites the file.',
      },
    ])
  })

  it('notes a rename conflict as it is', () => {
    const { notes } = checkSettings(
      {
        integrations: {
          AdWords: {
            conversionId: '1',
            remarketing: true,
            pageRemarketing: false,
          },
        },
      },
      DESTINATIONS,
    )

    expect(notes[0]).to.deep.equal({
      kind: 'migration',
      path: 'integrations["AdWords"].remarketing',
      message:
        'AdWords: option "remarketing" was renamed "pageRemarketing" (version 2.5.0), but both are set ("remarketing": true, "pageRemarketing": false), so "pageRemarketing" is used. Delete "remarketing", or move its value to "pageRemarketing" by hand.',
    })
  })

  it('notes replaced and duplicate entries', () => {
    const { notes } = checkSettings(
      {
        integrations: {
          'Google Ads (Classic)': { conversionId: '1' },
          AdWords: { conversionId: '2' },
        },
      },
      DESTINATIONS,
    )

    expect(notes.map(({ kind, path }) => [kind, path])).to.deep.equal([
      ['duplicate', 'integrations["Google Ads (Classic)"]'],
      ['replaced', 'integrations["AdWords"]'],
    ])
    expect(notes[0]?.message).to.equal(
      '"Google Ads (Classic)" and "AdWords" both configure AdWords. Load uses "AdWords" and ignores "Google Ads (Classic)".',
    )
  })
})
