import { readGlobal, writeGlobal } from '../../src/global-scope'

/** The `fbq` global: a queue until fbevents.js sets `callMethod`. */
export interface Fbq {
  (...args: unknown[]): void
  callMethod?: (...args: unknown[]) => void
  queue: unknown[][]
  push: Fbq
  loaded: boolean
  version: string
  agent?: string
  disablePushState?: boolean
  allowDuplicatePageViews?: boolean
}

/**
 * Sets up `fbq` as Facebook's snippet does, unless the page already has
 * one: calls queue until fbevents.js takes over and replays them. Returns
 * the `fbq` in place.
 */
export function installStub(agent: string): Fbq {
  let fbq = readGlobal<Fbq>('fbq')
  if (!fbq) {
    const stub = ((...args: unknown[]) => {
      if (stub.callMethod) stub.callMethod(...args)
      else stub.queue.push(args)
    }) as Fbq
    stub.push = stub
    stub.loaded = true
    stub.version = '2.0'
    stub.queue = []
    writeGlobal('fbq', stub)
    if (!readGlobal('_fbq')) writeGlobal('_fbq', stub)
    fbq = stub
  }
  // Page views come from page calls only, never from history changes, and
  // a second page call on one URL still counts.
  fbq.disablePushState = true
  fbq.allowDuplicatePageViews = true
  fbq.agent = agent
  return fbq
}
