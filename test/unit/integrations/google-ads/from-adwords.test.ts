import { expect } from 'chai'
import googleAds from '../../../../integrations/google-ads'
import { conversionsFor } from '../../../../integrations/google-ads/conversions'
import {
  moveAdwordsToGoogleAds,
  toAccountId,
} from '../../../../integrations/google-ads/from-adwords'
import { validateOptions } from '../../../../src/integration/schema'

/** AdWords settings as Segment delivers them (integrations/adwords/README.md). */
const ADWORDS = {
  conversionId: '978352801',
  pageRemarketing: true,
  eventMappings: [
    {
      key: 'Signed Up',
      value: {
        eventName: 'Signed Up',
        label: '-kGkCJ_TsgcQofXB0gM',
        conversionId: '',
        remarketing: false,
      },
    },
    {
      key: 'Order Completed',
      value: {
        eventName: 'Order Completed',
        label: 'QbThCM_zogcQofXB0gM',
        conversionId: '431',
        remarketing: true,
      },
    },
    {
      key: 'Viewed Product',
      value: {
        eventName: 'Viewed Product',
        label: '',
        conversionId: '',
        remarketing: true,
      },
    },
  ],
}

describe('AdWords to Google AdWords New', () => {
  it('builds Google AdWords New options', () => {
    const { options } = moveAdwordsToGoogleAds(ADWORDS)

    expect(options).to.deep.equal({
      accountId: 'AW-978352801',
      sendPageView: true,
      clickConversions: [
        {
          value: {
            event: 'Signed Up',
            id: '-kGkCJ_TsgcQofXB0gM',
            accountId: '',
          },
        },
        {
          value: {
            event: 'Order Completed',
            id: 'QbThCM_zogcQofXB0gM',
            accountId: 'AW-431',
          },
        },
      ],
    })
  })

  it('makes options the destination accepts', () => {
    const { options } = moveAdwordsToGoogleAds(ADWORDS)

    const validated = validateOptions(
      'Google AdWords New',
      googleAds.schema,
      options,
    )

    expect(validated.errors).to.deep.equal([])
    expect(conversionsFor(options.clickConversions, 'signed_up')).to.deep.equal(
      [{ id: '-kGkCJ_TsgcQofXB0gM' }],
    )
    expect(
      conversionsFor(options.clickConversions, 'Order Completed'),
    ).to.deep.equal([{ id: 'QbThCM_zogcQofXB0gM', accountId: 'AW-431' }])
  })

  it('reports every moved or dropped option', () => {
    const { changes } = moveAdwordsToGoogleAds(ADWORDS)

    expect(changes).to.deep.equal([
      'conversionId "978352801" became accountId "AW-978352801".',
      'pageRemarketing true became sendPageView true: the page view gtag.js sends when it loads feeds remarketing.',
      'AdWords sent a conversion hit without a label with every page call, and Google AdWords New has no equivalent: it sends a page conversion only for a label in pageLoadConversions (named pages) or defaultPageConversion (unnamed pages). Add those labels by hand if you count page conversions.',
      'eventMappings "Signed Up" (label "-kGkCJ_TsgcQofXB0gM") became a click conversion.',
      'eventMappings "Order Completed" (label "QbThCM_zogcQofXB0gM") became a click conversion.',
      'eventMappings "Order Completed": the remarketing flag is dropped, because gtag.js adds every event it sends to remarketing.',
      'eventMappings "Viewed Product" sent a remarketing tag only, and Google AdWords New has no equivalent: it sends mapped conversions only. Create a conversion action for the event in Google Ads and add its label to clickConversions.',
      'AdWords sent revenue as the conversion value of "Signed Up", but Google AdWords New sends a value for these events only from a "value" property, because it maps revenue to value for Order Completed only.',
    ])
  })

  it('does not mutate the AdWords settings', () => {
    const before = JSON.stringify(ADWORDS)

    moveAdwordsToGoogleAds(ADWORDS)

    expect(JSON.stringify(ADWORDS)).to.equal(before)
  })

  it('prefixes conversion IDs with AW- once', () => {
    expect(toAccountId(978352801)).to.equal('AW-978352801')
    expect(toAccountId(' 978352801 ')).to.equal('AW-978352801')
    expect(toAccountId('AW-978352801')).to.equal('AW-978352801')
    expect(toAccountId('')).to.equal(undefined)
    expect(toAccountId(null)).to.equal(undefined)
  })

  it('reports a missing conversionId', () => {
    const { options, changes } = moveAdwordsToGoogleAds({ eventMappings: [] })

    expect(options).to.not.have.property('accountId')
    expect(changes[0]).to.equal(
      'conversionId is missing, so accountId is not set: set it to the Google Ads account ID ("AW-" and the conversion ID).',
    )
  })

  it('reports a conversionId that is no ID', () => {
    const { options, changes } = moveAdwordsToGoogleAds({
      conversionId: { id: 1 },
    })

    expect(options).to.not.have.property('accountId')
    expect(changes[0]).to.equal(
      'conversionId {"id":1} is not a conversion ID, so accountId is not set: set it to the Google Ads account ID ("AW-" and the conversion ID).',
    )
  })

  it('reads every AdWords mapping shape', () => {
    const { options, changes } = moveAdwordsToGoogleAds({
      conversionId: 1,
      eventMappings: { Login: 'label-1', Play: { label: 'label-2' } },
    })

    expect(options.clickConversions).to.deep.equal([
      { value: { event: 'Login', id: 'label-1', accountId: '' } },
      { value: { event: 'Play', id: 'label-2', accountId: '' } },
    ])
    expect(changes).to.include(
      'eventMappings "Login" (label "label-1") became a click conversion.',
    )
  })

  it('reports unusable mapping entries', () => {
    const { options, changes } = moveAdwordsToGoogleAds({
      conversionId: '1',
      eventMappings: ['Signed Up', 42],
    })

    expect(options.clickConversions).to.deep.equal([])
    expect(changes).to.include(
      'eventMappings "Signed Up" has no label and sent nothing, so it is left out.',
    )
    expect(changes).to.include(
      'eventMappings entry 42 names no event, so it has no click conversion. Add it to clickConversions by hand.',
    )
  })

  it('reports unmapped options, keeps the nonce', () => {
    const { options, changes } = moveAdwordsToGoogleAds({
      conversionId: '1',
      nonce: 'n-1',
      linkId: 'abc',
      remarketing: false,
    })

    expect(options.nonce).to.equal('n-1')
    expect(changes).to.include(
      'option "linkId" ("abc") has no equivalent in Google AdWords New and is left out.',
    )
    expect(changes).to.include(
      'option "remarketing" (false) has no equivalent in Google AdWords New and is left out.',
    )
  })
})
