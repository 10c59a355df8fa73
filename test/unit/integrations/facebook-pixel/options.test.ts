import { expect } from 'chai'
import facebookPixel, {
  type FacebookPixelOptions,
} from '../../../../integrations/facebook-pixel'

describe('Facebook Pixel options', () => {
  it("has Segment's catalogue name and defaults", () => {
    const defaults = Object.fromEntries(
      Object.entries(facebookPixel.schema).map(([name, spec]) => [
        name,
        'default' in spec ? spec.default : undefined,
      ]),
    )

    expect(facebookPixel.integrationName).to.equal('Facebook Pixel')
    expect(defaults).to.deep.equal({
      pixelId: undefined,
      agent: 'seg',
      valueIdentifier: 'value',
      initWithExistingTraits: false,
      traverse: false,
      automaticConfiguration: true,
      whitelistPiiProperties: [],
      blacklistPiiProperties: [],
      standardEventsCustomProperties: [],
      keyForExternalId: '',
      userIdAsExternalId: false,
      limitedDataUse: true,
      dataProcessingOptions: undefined,
      standardEvents: {},
      legacyEvents: {},
      contentTypes: {},
    })
  })

  it('types the options of the factory', () => {
    const valid: FacebookPixelOptions = { pixelId: '1', limitedDataUse: false }
    // @ts-expect-error pixelId is required
    const missing: FacebookPixelOptions = { agent: 'seg' }
    // @ts-expect-error limitedDataUse is a boolean
    const wrong: FacebookPixelOptions = { pixelId: '1', limitedDataUse: 'no' }

    expect(facebookPixel(valid).name).to.equal('Facebook Pixel')
    expect([missing, wrong]).to.have.length(2)
  })
})
