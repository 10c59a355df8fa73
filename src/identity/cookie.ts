import { getDocument } from '../global-scope'

/** Attributes of one cookie write. An attribute left out is not written. */
export interface CookieAttributes {
  /** Omitted or empty: a host-only cookie. */
  domain?: string
  path?: string
  expires?: Date
  sameSite?: string
  secure?: boolean
}

const EXPIRED = new Date(0)

/**
 * Reads a cookie by name and URI-decodes its value. Returns null when the
 * cookie is absent or there is no document. When two cookies share the name
 * (a host-only and a domain cookie), the browser lists the first and so does
 * this. Throws where `document.cookie` throws (sandboxed frames).
 */
export function readCookie(name: string): string | null {
  const jar = getDocument()?.cookie ?? ''
  for (const pair of jar.split(';')) {
    const separator = pair.indexOf('=')
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue

    return decodeCookieValue(pair.slice(separator + 1).trim())
  }
  return null
}

/** Writes a cookie, URI-encoding its value. Does nothing without a document. */
export function writeCookie(
  name: string,
  value: string,
  attributes: CookieAttributes,
): void {
  const document = getDocument()
  if (!document) return

  document.cookie = serializeCookie(name, encodeURIComponent(value), attributes)
}

/**
 * Expires a cookie. Domain and path must match the ones it was written with,
 * or the browser keeps it.
 */
export function removeCookie(name: string, attributes: CookieAttributes): void {
  writeCookie(name, '', {
    domain: attributes.domain,
    path: attributes.path,
    expires: EXPIRED,
  })
}

/** Builds the `document.cookie` assignment for an already encoded value. */
export function serializeCookie(
  name: string,
  encodedValue: string,
  attributes: CookieAttributes,
): string {
  const { domain, path, expires, sameSite, secure } = attributes
  return [
    `${name}=${encodedValue}`,
    domain && `domain=${domain}`,
    path && `path=${path}`,
    expires && `expires=${expires.toUTCString()}`,
    sameSite && `SameSite=${sameSite}`,
    secure && 'Secure',
  ]
    .filter(Boolean)
    .join('; ')
}

function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    // A stray `%` written by other code: the raw value is the best reading.
    return value
  }
}
