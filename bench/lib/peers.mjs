// Bundles the peer SDKs for the browser from their installed npm builds,
// at run time, into .tmp/bench/ (git-ignored): built peer code is never
// committed. Each bundle only exposes the package's public entry as a
// global's property, which the peer's script in bench/page/ uses.
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { build } from 'esbuild'

/** Peer name to the npm package, its exported entry and the global it gets. */
export const PEERS = {
  'analytics-next': {
    packageName: '@segment/analytics-next',
    source: "export { AnalyticsBrowser } from '@segment/analytics-next'",
    globalName: 'AnalyticsNext',
  },
  analytics: {
    packageName: 'analytics',
    source: "export { default as Analytics } from 'analytics'",
    globalName: 'DavidWellsAnalytics',
  },
}

/**
 * Builds every peer into `outDir` with esbuild (minified, ES2019, browser
 * field resolution) and returns, per peer, the file and the installed
 * version.
 */
export async function buildPeers(root, outDir) {
  mkdirSync(outDir, { recursive: true })
  const built = {}
  for (const [name, peer] of Object.entries(PEERS)) {
    const outfile = path.join(outDir, `${name}.js`)
    await build({
      stdin: { contents: peer.source, resolveDir: root, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'iife',
      globalName: peer.globalName,
      platform: 'browser',
      target: 'es2019',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
      outfile,
    })
    built[name] = { file: outfile, version: installedVersion(root, peer) }
  }
  return built
}

function installedVersion(root, peer) {
  const file = path.join(root, 'node_modules', peer.packageName, 'package.json')
  return JSON.parse(readFileSync(file, 'utf8')).version
}
