import { describe } from '../arguments'
import type { Logger } from '../debug'
import { isPlainObject, setOwn } from '../message/merge'
import type { JSONObject } from '../message/types'
import type { CDNSettings } from './types'

/**
 * Checks the settings shape. A body without an `integrations` object is
 * rejected; entries that are not objects are skipped with a report.
 */
export function parseSettings(
  body: unknown,
  source: string,
  log: Logger,
): CDNSettings | undefined {
  if (!isPlainObject(body) || !isPlainObject(body.integrations)) {
    log.misuse(
      `settings-shape:${source}`,
      `Settings from ${source} have no "integrations" object (received ${describe(isPlainObject(body) ? body.integrations : body)}). Expected Segment's settings shape: { "integrations": { "Destination Name": { ...options } } }.`,
    )
    return undefined
  }

  const integrations: Record<string, JSONObject> = {}
  for (const [name, options] of Object.entries(body.integrations)) {
    if (isPlainObject(options)) {
      setOwn(integrations, name, options)
      continue
    }
    log.misuse(
      `settings-entry:${source}:${name}`,
      `Settings for "${name}" in ${source} must be an object, received ${describe(options)}; this destination is skipped.`,
    )
  }

  const settings: CDNSettings = { ...body, integrations }
  if (body.remotePlugins !== undefined) {
    log.debug(
      'Settings carry remotePlugins, which are not supported yet; they are ignored.',
    )
  }
  if (
    isPlainObject(body.middlewareSettings) &&
    body.middlewareSettings.routingRules
  ) {
    log.debug(
      'Settings carry routing rules in middlewareSettings, which are not supported yet; they are ignored.',
    )
  }
  return settings
}
