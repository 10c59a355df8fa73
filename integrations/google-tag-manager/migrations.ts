import type { OptionMigration } from '../../src/integration/migrations'

/**
 * Option changes of Segment's Google Tag Manager destination
 * (integrations/google-tag-manager/lib/index.js in
 * segmentio/analytics.js-integrations). Its "domain configuration support"
 * commit added `domain`, a host the destination appended `/gtm.js` to. The
 * next day "full domain with file path" replaced it with `fullURLpath`, host
 * and path together; 2.5.2 is the first version of the package with it.
 */
export const googleTagManagerMigrations: readonly OptionMigration[] = [
  {
    kind: 'renamed',
    version: '2.5.2',
    from: 'domain',
    to: 'fullURLpath',
    convert: hostToScriptPath,
  },
]

/** Turns `gtm.example.com` into `gtm.example.com/gtm.js`, and keeps an empty host. */
export function hostToScriptPath(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value
  return `${value.trim().replace(/\/+$/, '')}/gtm.js`
}
