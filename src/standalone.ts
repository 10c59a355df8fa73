import { Analytics } from './analytics'
import { createLogger } from './debug'
import { getDocument, readGlobal, writeGlobal } from './global-scope'
import type { IntegrationFactory } from './integration/types'
import {
  isBufferedPageContext,
  type BufferedPageContext,
} from './message/page-context'
import type { EventType } from './message/types'
import type { LoadOptions } from './options'
import {
  claimOwnKeptCalls,
  EVENT_METHODS,
  idOf,
  timeOf,
  type KeeperFields,
  type OwnKeptCalls,
} from './pipeline/kept-calls'

const log = createLogger('snippet')

/** Fields the analytics.js snippet (4.x to 5.x) sets on its stub. */
interface SnippetStub extends Array<unknown[]>, KeeperFields {
  _writeKey?: string
  _loadOptions?: LoadOptions
  _cdn?: string
  SNIPPET_VERSION?: string
  initialize?: boolean
}

/** The bundle path Segment's CDN and custom domains serve: `/analytics.js/v1/<writeKey>/`. */
const BUNDLE_PATH = /\/analytics\.js\/v1\/([^/]+)\/analytics[^/]*\.js/

/**
 * Script-tag entry: replaces the snippet's stub with a live instance, loads
 * it with the snippet's write key and options, and replays the calls the
 * stub queued, in order, each with the page context it recorded.
 */
export function installStandalone(integrations: IntegrationFactory[]): void {
  const found = readGlobal<unknown>('analytics')
  if (found instanceof Analytics) {
    log.misuse(
      'bundle-twice',
      'The analytics bundle was loaded twice on this page; the second copy does nothing.',
    )
    return
  }

  const stub = (Array.isArray(found) ? found : []) as SnippetStub
  const scriptUrl = currentScriptUrl()
  const analytics = new Analytics(integrations)
  copySnippetFields(stub, analytics)
  writeGlobal('analytics', analytics)

  // Before load, so this page's own kept calls are not taken as a closed page's.
  const ownKeptCalls = claimOwnKeptCalls(stub, log)
  const writeKey = stub._writeKey ?? writeKeyFrom(scriptUrl)
  if (writeKey) {
    const options: LoadOptions = { ...stub._loadOptions }
    options.cdnURL ??= stub._cdn ?? originOf(scriptUrl)
    analytics.load(writeKey, options)
  } else {
    log.debug(
      'No write key on the snippet or in the script URL; waiting for analytics.load(writeKey).',
    )
  }
  replay(stub, analytics, ownKeptCalls)
  analytics.afterStored(ownKeptCalls.remove)
}

/**
 * Replays the stub's calls. Event calls the call keeper saw keep the
 * messageId and time it gave them.
 */
function replay(
  stub: SnippetStub,
  analytics: Analytics,
  ownKeptCalls: OwnKeptCalls,
): void {
  let eventIndex = 0
  for (const item of stub.slice()) {
    if (!Array.isArray(item) || typeof item[0] !== 'string') continue

    const [method, ...args] = item as [string, ...unknown[]]
    try {
      if (EVENT_METHODS.has(method as EventType)) {
        const page = isBufferedPageContext(args[args.length - 1])
          ? (args.pop() as BufferedPageContext)
          : undefined
        analytics.invoke(
          method as EventType,
          args,
          page,
          timeOf(ownKeptCalls.times[eventIndex]),
          idOf(ownKeptCalls.ids[eventIndex++]),
        )
        continue
      }
      const target = (analytics as unknown as Record<string, unknown>)[method]
      if (typeof target === 'function') {
        ;(target as (...values: unknown[]) => unknown).apply(analytics, args)
      } else {
        log.misuse(
          `snippet-method:${method}`,
          `The snippet queued analytics.${method}, which does not exist; that call was skipped.`,
        )
      }
    } catch (error) {
      log.misuse(
        `snippet-replay:${method}`,
        `Replaying the queued analytics.${method} call failed.`,
        error,
      )
    }
  }
}

function copySnippetFields(stub: SnippetStub, analytics: Analytics): void {
  const target = analytics as unknown as Record<string, unknown>
  for (const key of [
    '_writeKey',
    '_loadOptions',
    '_cdn',
    'SNIPPET_VERSION',
  ] as const) {
    if (stub[key] !== undefined) target[key] = stub[key]
  }
}

function currentScriptUrl(): string | undefined {
  const doc = getDocument()
  const current = doc?.currentScript as HTMLScriptElement | null | undefined
  if (current?.src) return current.src
  return Array.from(
    doc?.getElementsByTagName('script') ?? [],
    (script) => script.src,
  ).find((src) => BUNDLE_PATH.test(src))
}

function writeKeyFrom(url: string | undefined): string | undefined {
  const key = BUNDLE_PATH.exec(url ?? '')?.[1]
  return key && decodeURIComponent(key)
}

function originOf(url: string | undefined): string | undefined {
  return /^https?:\/\/[^/?#]+/i.exec(url ?? '')?.[0]
}
