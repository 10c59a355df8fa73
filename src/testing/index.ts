/**
 * The test kit for destinations, published as
 * `clickstream-analytics/testing`. A test loads one destination with its
 * settings, makes calls through the real core, and compares the vendor
 * calls the recording stand-ins saw with the expected ones. It runs in a
 * browser or under happy-dom, with no server and no network.
 */
export {
  loadDestination,
  startDestination,
  type DestinationTest,
  type DestinationTestOptions,
} from './destination-test'
export type { DestinationCalls } from './calls'
export {
  defineStandIn,
  observePush,
  type StandIn,
  type StandInContext,
  type StandInSpec,
  type VendorRequest,
} from './stand-in'
export {
  adwordsStandIn,
  bundledStandIns,
  facebookPixelStandIn,
  floodlightStandIn,
  googleTagManagerStandIn,
  gtagStandIn,
  retentionScienceStandIn,
} from './stand-ins'
export { recordVendorCall, type VendorCall } from './vendor-calls'
