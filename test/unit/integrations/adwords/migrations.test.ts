import { expect } from 'chai'
import adwords, { type AdWordsOptions } from '../../../../integrations/adwords'
import { mappingsFor } from '../../../../integrations/adwords/mappings'
import { eventsToEventMappings } from '../../../../integrations/adwords/migrations'
import { createPluginContext } from '../../../../src/integration/context'
import { migrateOptions } from '../../../../src/integration/migrations'
import type { SegmentEvent } from '../../../../src/message/types'

const scope = globalThis as unknown as {
  google_trackConversion?: (parameters: unknown) => void
}

afterEach(() => {
  delete scope.google_trackConversion
})

function migrate(raw: object) {
  return migrateOptions('AdWords', adwords.migrations, raw)
}

const PAGE = {
  type: 'page',
  properties: { path: '/' },
  messageId: 'm-1',
  timestamp: '2024-01-01T00:00:00.000Z',
  context: {},
  integrations: {},
} as unknown as SegmentEvent

describe('AdWords migrations', () => {
  it('declares the option changes of 2.5.0', () => {
    expect(
      adwords.migrations.map((migration) =>
        migration.kind === 'renamed'
          ? `${migration.from} → ${migration.to}`
          : migration.kind === 'removed'
            ? `${migration.option} removed`
            : migration.option,
      ),
    ).to.deep.equal([
      'remarketing → pageRemarketing',
      'events → eventMappings',
      'whitelist removed',
    ])
    expect(adwords.migrations.every((m) => m.version === '2.5.0')).to.equal(
      true,
    )
  })

  it('renames remarketing to pageRemarketing', () => {
    const { options, changes } = migrate({
      conversionId: '1',
      remarketing: true,
    })

    expect(options).to.deep.equal({ conversionId: '1', pageRemarketing: true })
    expect(changes[0]?.message).to.contain(
      'AdWords: renamed option "remarketing" to "pageRemarketing" (version 2.5.0).',
    )
  })

  it('converts an events object to eventMappings entries', () => {
    const { options } = migrate({ events: { signup: '-kGkCJ_TsgcQofXB0gM' } })

    expect(options).to.deep.equal({
      eventMappings: [
        {
          key: 'signup',
          value: {
            eventName: 'signup',
            label: '-kGkCJ_TsgcQofXB0gM',
            conversionId: '',
            remarketing: false,
          },
        },
      ],
    })
  })

  it('converts events given as key and value pairs', () => {
    const converted = eventsToEventMappings([
      { key: 'login', value: 'QbThCM_zogcQofXB0gM' },
      'not a pair',
    ])

    expect(mappingsFor(converted, 'login')).to.deep.equal([
      { label: 'QbThCM_zogcQofXB0gM', remarketing: false },
    ])
    expect((converted as unknown[])[1]).to.equal('not a pair')
  })

  it('removes whitelist and says what replaces it', () => {
    const { options, changes } = migrate({ whitelist: ['Viewed Product'] })

    expect(options).to.deep.equal({})
    expect(changes[0]?.message).to.equal(
      'AdWords: removed option "whitelist" (["Viewed Product"]), dropped in version 2.5.0. For a remarketing tag without a conversion, add an eventMappings entry for the event with an empty label and `remarketing: true`.',
    )
  })

  it('honours a 2.4.0 remarketing setting', async () => {
    const calls: unknown[] = []
    scope.google_trackConversion = (parameters) => calls.push(parameters)
    const plugin = adwords({
      conversionId: '978352801',
      remarketing: true,
    } as unknown as AdWordsOptions)

    await plugin.page?.(createPluginContext(PAGE))

    expect(calls).to.deep.equal([
      {
        google_conversion_id: 978352801,
        google_custom_params: {},
        google_remarketing_only: false,
      },
      {
        google_conversion_id: 978352801,
        google_custom_params: { path: '/' },
        google_remarketing_only: true,
      },
    ])
  })
})
