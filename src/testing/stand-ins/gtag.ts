import { defineStandIn, observePush, type StandIn } from '../stand-in'

const GTAG_URL = 'https://www.googletagmanager.com/gtag/js'

function isCommand(entry: unknown): entry is IArguments {
  return Object.prototype.toString.call(entry) === '[object Arguments]'
}

/**
 * Stands in for gtag.js, which Google Analytics 4 and Google Ads load. Like
 * the real script it reads the data layer's name from the URL's `l`
 * (default `dataLayer`), handles the commands queued there, then each later
 * push. A command is what `gtag(...)` pushes, an `arguments` object; it is
 * recorded as `{ vendor: 'gtag', args: ['event', 'login', {...}], dataLayer }`.
 * Plain objects on the same array (Google Tag Manager's messages) are left
 * to the gtm.js stand-in.
 */
export function gtagStandIn(): StandIn {
  return defineStandIn({
    vendor: 'gtag',
    urls: [GTAG_URL],
    globals: ['gtag', 'dataLayer'],
    install({ params, page, record, removeOnDispose }) {
      const layerName = params.get('l') || 'dataLayer'
      removeOnDispose(layerName)
      const layer = (page[layerName] ||= []) as unknown[] & {
        __gtagStandIn?: boolean
      }
      // A second gtag.js for the same data layer (another tag ID) joins the
      // first, as the real script does, so no command is recorded twice.
      if (layer.__gtagStandIn) return
      layer.__gtagStandIn = true

      const recordCommand = (entry: unknown) => {
        if (isCommand(entry))
          record(Array.prototype.slice.call(entry), { dataLayer: layerName })
      }
      for (const entry of [...layer]) recordCommand(entry)
      observePush(layer, recordCommand)
    },
  })
}
