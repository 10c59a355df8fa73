import { readGlobal } from '../../src/global-scope'
import {
  defineIntegration,
  type CommonOptions,
} from '../../src/integration/define'
import { mapEvent } from '../../src/integration/mappings'
import type { OptionsOf } from '../../src/integration/schema'
import { ecommerceEvent } from './ecommerce'
import { options } from './options'
import { buildPayload, formatValue } from './payload'
import { installStub, type Fbq } from './stub'
import { advancedMatching } from './traits'

export type FacebookPixelOptions = OptionsOf<typeof options> & CommonOptions

const NAME = 'Facebook Pixel'

function fbq(...args: unknown[]): void {
  readGlobal<Fbq>('fbq')?.(...args)
}

/** Facebook Pixel (Meta Pixel), as Segment's classic destination sends it. */
export default /*#__PURE__*/ defineIntegration({
  name: NAME,
  options,
  async load({ options: o, loadScript, user: storedUser }) {
    const user = storedUser()
    installStub(o.agent ?? 'seg')
    if (!o.automaticConfiguration) fbq('set', 'autoConfig', false, o.pixelId)
    const preset = o.dataProcessingOptions ?? []
    // A malformed preset falls back to Limited Data Use by geolocation.
    const valid =
      preset.length === 3 &&
      Array.isArray(preset[0]) &&
      typeof preset[1] === 'number' &&
      typeof preset[2] === 'number'
    const processing = valid ? preset : [['LDU'], 0, 0]
    fbq('dataProcessingOptions', ...(o.limitedDataUse ? processing : [[]]))
    const traits = o.initWithExistingTraits && advancedMatching(user, o)
    fbq('init', o.pixelId, ...(traits ? [traits] : []))
    await loadScript('https://connect.facebook.net/en_US/fbevents.js')
  },
  isLoaded: () => Boolean(readGlobal<Fbq>('fbq')?.callMethod),

  page(_page, { message }) {
    fbq('track', 'PageView', {}, { eventID: message.messageId })
  },

  track(track, { options: o, message }) {
    const id = { eventID: message.messageId }
    const event = track.event()
    const properties = track.properties()
    const currency = track.currency()
    const standard = mapEvent(o.standardEvents, event)
    const legacyPixels = mapEvent(o.legacyEvents, event)
    // Legacy conversion pixels get the currency and the value only.
    const legacy = (value: string) => {
      for (const pixel of legacyPixels)
        fbq('trackSingle', o.pixelId, pixel, { currency, value }, id)
    }

    const contentType = track.options(NAME)?.contentType
    const ecommerce = ecommerceEvent(
      track,
      { ...o, contentType },
      standard.length > 0,
    )
    if (ecommerce) {
      const [name, params] = ecommerce
      const custom = buildPayload(properties, o, true)
      fbq('trackSingle', o.pixelId, name, { ...custom, ...params }, id)
      legacy((params.value as string) ?? formatValue(track.revenue()))
      return
    }

    const payload = buildPayload(properties, o, false)
    if ('revenue' in properties) {
      payload.value = formatValue(track.revenue())
      delete payload.revenue
    }
    if (standard.length + legacyPixels.length === 0) {
      fbq('trackSingleCustom', o.pixelId, event, payload, id)
      return
    }
    // Purchase is the one standard event the pixel requires a currency for.
    for (const name of standard) {
      const params = name === 'Purchase' ? { ...payload, currency } : payload
      fbq('trackSingle', o.pixelId, name, params, id)
    }
    legacy(formatValue(track.revenue()))
  },
})
