// The settings tools of the `clickstream` command (bin/clickstream.mjs),
// which imports this module from dist/esm. Not exported by the package.
export { DESTINATION_MOVES, type DestinationMove } from './moves'
export { parseJson, type JsonParseResult } from './settings-json'
export {
  checkSettings,
  readIntegrations,
  TOP_LEVEL,
  type SettingsNote,
  type SettingsProblem,
  type SettingsReport,
} from './settings-check'
export {
  migrateSettings,
  type MigratedSettings,
  type SettingsChange,
} from './settings-migration'
export { moveSettings, type MoveOutcome } from './settings-move'
export type { DestinationInfo } from './catalogue'
