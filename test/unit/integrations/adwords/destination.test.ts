import { expect } from 'chai'
import adwords, { type AdWordsOptions } from '../../../../integrations/adwords'
import { validateOptions } from '../../../../src/integration/schema'
import type { PluginContext } from '../../../../src/integration/types'

describe('AdWords options', () => {
  it('fills Segment defaults', () => {
    const { options, errors } = validateOptions('AdWords', adwords.schema, {
      conversionId: 978352801,
    })

    expect(errors).to.deep.equal([])
    expect(options).to.deep.equal({
      conversionId: '978352801',
      pageRemarketing: false,
      eventMappings: [],
    })
  })

  it('fails to load with an error naming the option, type and value', async () => {
    const plugin = adwords({
      conversionId: '978352801',
      eventMappings: 'signup',
    } as unknown as AdWordsOptions)

    let error: Error | undefined
    try {
      await plugin.load({} as PluginContext, undefined)
    } catch (caught) {
      error = caught as Error
    }

    expect(error?.message).to.contain('AdWords')
    expect(error?.message).to.contain(
      'option "eventMappings" must be a mapping, received "signup"',
    )
  })
})
