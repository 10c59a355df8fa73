import { Track } from '@segment/facade'
import { expect } from 'chai'
import { trackTags } from '../../../../integrations/adwords/tags'

function track(event: string, properties: Record<string, unknown>): Track {
  return new Track({ type: 'track', event, properties })
}

function conversionTag(
  id: string | number,
  label: string,
  value: number,
  params: Record<string, unknown>,
) {
  return {
    google_conversion_id: id,
    google_custom_params: params,
    google_conversion_language: 'en',
    google_conversion_format: '3',
    google_conversion_color: 'ffffff',
    google_conversion_label: label,
    google_conversion_value: value,
    google_remarketing_only: false,
  }
}

describe('adwords trackTags', () => {
  it('sends revenue as the value and leaves it out of the params', () => {
    const tags = trackTags(
      track('Signed Up', { revenue: 12, plan: 'pro' }),
      [{ label: 'l', remarketing: false }],
      '100',
    )

    expect(tags).to.deep.equal([conversionTag(100, 'l', 12, { plan: 'pro' })])
  })

  it('uses the order total as value for Order Completed without revenue', () => {
    const tags = trackTags(
      track('Order Completed', { total: 30 }),
      [{ label: 'l', remarketing: false }],
      '100',
    )

    expect(tags).to.deep.equal([conversionTag(100, 'l', 30, { total: 30 })])
  })

  it('keeps revenue in the params of a remarketing tag sent before any conversion', () => {
    const tags = trackTags(
      track('Viewed', { revenue: 5 }),
      [
        { label: '', remarketing: true, conversionId: 7 },
        { label: 'l', remarketing: true },
      ],
      '100',
    )

    expect(tags).to.deep.equal([
      {
        google_conversion_id: 7,
        google_custom_params: { revenue: 5 },
        google_remarketing_only: true,
      },
      conversionTag(100, 'l', 5, {}),
      {
        google_conversion_id: 100,
        google_custom_params: {},
        google_remarketing_only: true,
      },
    ])
  })

  it('sends nothing for a mapping with neither label nor remarketing', () => {
    const tags = trackTags(
      track('Viewed', {}),
      [{ label: '', remarketing: false }],
      '100',
    )

    expect(tags).to.deep.equal([])
  })
})
