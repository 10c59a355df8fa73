import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import {
  startDemoServer,
  type DemoServer,
  type SettingsContext,
} from '../../../examples/demo-server.mjs'
import { DIST_DIR } from './bundle'
import { startPageServer, type PageServer } from './page-server'
import { HOSTS, WRITE_KEY } from './settings'

export interface Harness {
  demo: DemoServer
  pages: PageServer
  /** The demo server under the CDN host name, such as `http://cdn.example.test:4321`. */
  cdnOrigin: string
  /** URL of a test page under the shop host name. */
  pageUrl(path: string): string
  close(): Promise<void>
}

/**
 * Starts the demo server (bundle, settings and collector) and a page server
 * for the test pages that `buildPages` returns, each with its own port and
 * a temporary data folder removed on close.
 */
export async function startHarness(options: {
  settings: (context: SettingsContext) => object
  buildPages: (cdnOrigin: string) => Record<string, string>
}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'clickstream-e2e-'))
  const demo = await startDemoServer({
    dataDir,
    distDir: DIST_DIR,
    writeKey: WRITE_KEY,
    settings: options.settings,
  })
  const cdnOrigin = `http://${HOSTS.cdn}:${demo.port}`
  const pages = await startPageServer(options.buildPages(cdnOrigin))

  async function close(): Promise<void> {
    await pages.close()
    await demo.close()
    await rm(dataDir, { recursive: true, force: true })
  }

  return {
    demo,
    pages,
    cdnOrigin,
    pageUrl: (path) => pages.urlFor(HOSTS.shop, path),
    close,
  }
}
