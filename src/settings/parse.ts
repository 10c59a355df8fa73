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
      `Settings from ${source} have no "integrations" object (received ${describe(isPlainObject(body) ? body.integrations : body)}); expected { "integrations": { "Destination Name": { ...options } } }.`,
    )
    return undefined
  }

  const integrations: Record<string, JSONObject> = {}
  for (const [name, options] of Object.entries(body.integrations)) {
    if (isPlainObject(options)) setOwn(integrations, name, options)
    else {
      log.misuse(
        `settings-entry:${source}:${name}`,
        `Settings for "${name}" in ${source} must be an object, received ${describe(options)}; this destination is skipped.`,
      )
    }
  }

  const unsupported = [
    body.remotePlugins !== undefined && 'remotePlugins',
    isPlainObject(body.middlewareSettings) &&
      body.middlewareSettings.routingRules &&
      'routing rules in middlewareSettings',
  ]
  for (const feature of unsupported) {
    if (feature)
      log.debug(
        `Settings carry ${feature}, which are not supported yet; they are ignored.`,
      )
  }
  return { ...body, integrations }
}
