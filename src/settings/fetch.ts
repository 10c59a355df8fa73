import type { Logger } from '../debug'
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
  const request = getFetch()
  if (!request) return undefined

  const abort =
    typeof AbortController === 'undefined' ? undefined : new AbortController()
  let timedOut = false
  let timer: ReturnType<typeof setTimeout> | undefined
  // The race settles even where a fetch ignores its abort signal.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true
      abort?.abort()
      reject(new Error(`no response within ${timeoutMs} ms`))
    }, timeoutMs)
  })
  try {
    const text = await Promise.race([readText(request, url, abort), deadline])
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
    const cause = timedOut
      ? `no response within ${timeoutMs} ms`
      : error instanceof Error
        ? error.message
        : String(error)
    log.misuse(
      `settings:${url}`,
      `Could not load settings from ${url}: ${cause}. Events stay stored on this device and are sent once a later page load gets settings; check the write key and the cdnURL option.`,
    )
    return undefined
  } finally {
    clearTimeout(timer)
  }
}

async function readText(
  request: typeof fetch,
  url: string,
  abort: AbortController | undefined,
): Promise<string> {
  const response = await request(url, {
    signal: abort?.signal,
    credentials: 'omit',
  })
  if (!response.ok)
    throw new Error(`the server responded with HTTP ${response.status}`)
  return response.text()
}
