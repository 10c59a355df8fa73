import { getLocation } from '../global-scope'
import { readCookie, removeCookie, writeCookie } from './cookie'

const PROBE_COOKIE = 'cs_domain_probe'
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

const topDomains = new Map<string, string | undefined>()
let probeCount = 0

/**
 * Finds the widest domain a cookie can be set on for this host, so the ids
 * are shared by every subdomain of the site. There is no built-in public
 * suffix list: the browser rejects a cookie on `co.uk` or on a foreign
 * domain, and that rejection is the test. Returns undefined (no domain
 * attribute) for IP addresses, single-label hosts such as `localhost`, and
 * when cookies are blocked. The result is cached per hostname.
 */
export function findTopDomain(
  hostname: string | undefined = getLocation()?.hostname,
): string | undefined {
  if (hostname && !topDomains.has(hostname)) {
    let domain: string | undefined
    try {
      domain = candidateDomains(hostname).find(acceptsCookie)
    } catch {
      // `document.cookie` throws in sandboxed frames: no domain can be used.
    }
    topDomains.set(hostname, domain)
  }
  return hostname ? topDomains.get(hostname) : undefined
}

/**
 * Lists the domains to probe, shortest first, for `a.shop.example.co.uk`:
 * `co.uk`, `example.co.uk`, `shop.example.co.uk`, `a.shop.example.co.uk`.
 * The bare last label is never a candidate.
 */
export function candidateDomains(hostname: string): string[] {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (IPV4.test(host) || host.includes(':')) return []

  const labels = host.split('.')
  return labels
    .slice(1)
    .map((_, start) => labels.slice(start).join('.'))
    .reverse()
}

/** Forgets the probed domains, for tests that change the page's host. */
export function clearTopDomainCache(): void {
  topDomains.clear()
}

function acceptsCookie(domain: string): boolean {
  // A value unique to this probe, so a leftover probe cookie cannot pass.
  const token = `${Date.now()}-${++probeCount}`
  const attributes = { domain, path: '/' }

  writeCookie(PROBE_COOKIE, token, attributes)
  const accepted = readCookie(PROBE_COOKIE) === token
  if (accepted) removeCookie(PROBE_COOKIE, attributes)
  return accepted
}
