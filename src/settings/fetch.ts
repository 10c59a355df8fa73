import type { Logger } from '../debug'
import { messageOf } from '../errors'
import { getFetch } from '../global-scope'
import { parseSettings } from './parse'
import type { CDNSettings } from './types'

/** Default settings host, as analytics.js uses it. */
export const DEFAULT_CDN = 'https://cdn.segment.com'

/** Maximum wait for settings before the endpoint falls back to its defaults. */
export const SETTINGS_TIMEOUT_MS = 10_000

export function settingsUrl(cdn: string, writeKey: string): string {
  return `${cdn.replace(/\/+$/, '')}/v1/projects/${encodeURIComponent(writeKey)}/settings`
}

/**
 * Fetches settings. A failure, a timeout or malformed JSON is reported once
 * with the URL and the cause, and resolves to undefined.
 */
export async function fetchSettings(
  url: string,
  log: Logger,
  timeoutMs = SETTINGS_TIMEOUT_MS,
): Promise<CDNSettings | undefined> {
  const abort = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    const text = await Promise.race([
      // Every browser that runs the bundle has fetch.
      getFetch()!(url, { signal: abort.signal, credentials: 'omit' }).then(
        (response) => {
          if (response.ok) return response.text()
          throw new Error(`the server responded with HTTP ${response.status}`)
        },
      ),
      // The race settles even where a fetch ignores its abort signal. The
      // timeout rejects before the abort, so the race reports the timeout.
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no response within ${timeoutMs} ms`))
          abort.abort()
        }, timeoutMs)
      }),
    ])
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new Error(
        `the body is not JSON (starts with ${JSON.stringify(text.slice(0, 30))})`,
      )
    }
    return parseSettings(body, url, log)
  } catch (error) {
    log.misuse(
      `settings:${url}`,
      `Could not load settings from ${url}: ${messageOf(error)}. Events stay stored until a later page load gets settings; check the write key and the cdnURL option.`,
    )
    return undefined
  } finally {
    clearTimeout(timer)
  }
}
