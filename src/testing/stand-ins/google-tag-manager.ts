import { defineStandIn, observePush, type StandIn } from '../stand-in'

const GTM_URL = 'https://www.googletagmanager.com/gtm.js'

function isMessage(entry: unknown): entry is Record<string, unknown> {
  return Object.prototype.toString.call(entry) === '[object Object]'
}

/**
 * Stands in for Google Tag Manager's gtm.js. Like the real script it reads
 * the container ID (`id`), the data layer's name (`l`, default `dataLayer`)
 * and the environment (`gtm_preview`) from the URL. It registers the
 * container on `window.google_tag_manager`, then handles the messages
 * pushed before it ran and each later one. A message, a plain object, is
 * recorded as `{ vendor: 'google-tag-manager', args: [message], dataLayer }`.
 * gtag commands on the same array are left to the gtag.js stand-in.
 */
export function googleTagManagerStandIn(): StandIn {
  return defineStandIn({
    vendor: 'google-tag-manager',
    urls: [GTM_URL],
    globals: ['dataLayer', 'google_tag_manager'],
    install({ params, page, record, removeOnDispose }) {
      const layerName = params.get('l') || 'dataLayer'
      removeOnDispose(layerName)
      const layer = (page[layerName] ||= []) as unknown[] & {
        __gtmStandIn?: boolean
      }
      const containers = (page.google_tag_manager ||= {}) as Record<
        string,
        unknown
      >
      containers[params.get('id') || ''] = {
        dataLayer: { name: layerName },
        preview: params.get('gtm_preview') || undefined,
      }
      // A second container on the same data layer shares the first one's
      // processing, so no message is recorded twice.
      if (layer.__gtmStandIn) return
      layer.__gtmStandIn = true

      const recordMessage = (entry: unknown) => {
        if (isMessage(entry)) record([entry], { dataLayer: layerName })
      }
      for (const entry of [...layer]) recordMessage(entry)
      observePush(layer, recordMessage)
    },
  })
}
