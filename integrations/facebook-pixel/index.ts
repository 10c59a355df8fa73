import { readGlobal } from '../../src/global-scope'
import {
  defineIntegration,
  type CommonOptions,
} from '../../src/integration/define'
import { mapEvent } from '../../src/integration/mappings'
import type { OptionsOf } from '../../src/integration/schema'
import { ecommerceEvent } from './ecommerce'
import { options } from './options'
import { buildPayload, formatValue, type PayloadOptions } from './payload'
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
  async load({ options: o, loadScript, user }) {
    const stored = user()
    // Validation has filled every default, so agent is set.
    installStub(o.agent!)
    if (!o.automaticConfiguration) fbq('set', 'autoConfig', false, o.pixelId)
    const preset = o.dataProcessingOptions || []
    // A malformed preset falls back to Limited Data Use by geolocation.
    const valid =
      preset.length === 3 &&
      Array.isArray(preset[0]) &&
      typeof preset[1] === 'number' &&
      typeof preset[2] === 'number'
    const processing = valid ? preset : [['LDU'], 0, 0]
    fbq('dataProcessingOptions', ...(o.limitedDataUse ? processing : [[]]))
    const init: unknown[] = ['init', o.pixelId]
    if (o.initWithExistingTraits) init.push(advancedMatching(stored, o))
    fbq(...init)
    await loadScript('https://connect.facebook.net/en_US/fbevents.js')
  },
  isLoaded: () => Boolean(readGlobal<Fbq>('fbq')?.callMethod),

  page(_page, { message }) {
    fbq('track', 'PageView', {}, { eventID: message.messageId })
  },

  track(track, { options: o, message }) {
    const event = track.event()
    const properties = track.properties()
    const currency = track.currency()
    const standard = mapEvent(o.standardEvents, event)
    const legacyPixels = mapEvent(o.legacyEvents, event)
    // Validation has filled the list options' defaults.
    const lists = o as PayloadOptions
    const send = (name: unknown, params: object, command = 'trackSingle') =>
      fbq(command, o.pixelId, name, params, { eventID: message.messageId })
    // Legacy conversion pixels get the currency and this value only.
    let value = formatValue(track.revenue())

    const contentType = (track.options(NAME) || {}).contentType
    const ecommerce = ecommerceEvent(
      track,
      { ...o, contentType },
      standard.length > 0,
    )
    if (ecommerce) {
      const [name, params] = ecommerce
      send(name, { ...buildPayload(properties, lists, true), ...params })
      value = (params.value as string) || value
    } else {
      const payload = buildPayload(properties, lists, false)
      if ('revenue' in properties) {
        payload.value = value
        delete payload.revenue
      }
      if (standard.length + legacyPixels.length === 0)
        return send(event, payload, 'trackSingleCustom')
      // Purchase is the one standard event the pixel requires a currency for.
      for (const name of standard)
        send(name, name === 'Purchase' ? { ...payload, currency } : payload)
    }
    for (const pixel of legacyPixels) send(pixel, { currency, value })
  },
})
