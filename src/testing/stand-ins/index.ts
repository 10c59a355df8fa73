import type { StandIn } from '../stand-in'
import { adwordsStandIn } from './adwords'
import { floodlightStandIn } from './doubleclick-floodlight'
import { facebookPixelStandIn } from './facebook-pixel'
import { googleTagManagerStandIn } from './google-tag-manager'
import { gtagStandIn } from './gtag'
import { retentionScienceStandIn } from './retention-science'

export {
  adwordsStandIn,
  facebookPixelStandIn,
  floodlightStandIn,
  googleTagManagerStandIn,
  gtagStandIn,
  retentionScienceStandIn,
}

/** Returns a fresh stand-in for each vendor the bundled destinations load. */
export function bundledStandIns(): StandIn[] {
  return [
    gtagStandIn(),
    googleTagManagerStandIn(),
    facebookPixelStandIn(),
    adwordsStandIn(),
    floodlightStandIn(),
    retentionScienceStandIn(),
  ]
}
