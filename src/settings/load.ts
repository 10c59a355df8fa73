import type { Logger } from '../debug'
import type { LoadOptions } from '../options'
import { DEFAULT_CDN, fetchSettings, settingsUrl } from './fetch'
import { parseSettings } from './parse'
import type { CDNSettings } from './types'

/**
 * Returns the settings: `cdnSettings` when given, else fetched from
 * `<cdnURL>/v1/projects/<writeKey>/settings`. Undefined when they could not
 * be loaded (already reported).
 */
export async function loadSettings(
  writeKey: string,
  options: LoadOptions,
  log: Logger,
): Promise<CDNSettings | undefined> {
  if (options.cdnSettings !== undefined) {
    return parseSettings(
      options.cdnSettings,
      'the cdnSettings load option',
      log,
    )
  }
  const cdn = options.cdnURL || DEFAULT_CDN
  return fetchSettings(settingsUrl(cdn, writeKey), log)
}
