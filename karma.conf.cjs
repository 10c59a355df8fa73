'use strict'
// Browser tests: test/browser/**/*.test.ts bundled by esbuild, run by mocha
// in headless Chromium. `npm run test:browser -- --no-single-run` keeps the
// browser open for debugging.

const fs = require('node:fs')
const path = require('node:path')

module.exports = async (config) => {
  const { findChromium, CHROMIUM_FLAGS } =
    await import('./scripts/find-chromium.mjs')
  process.env.CHROME_BIN = findChromium()
  // The tests run the facade with the same dependencies as the script-tag
  // bundles (see FACADE_DEPENDENCY_SHIMS in rollup.config.mjs).
  const { FACADE_DEPENDENCY_SHIMS } = await import('./rollup.config.mjs')
  const facadeDependencyAliases = Object.fromEntries(
    Object.entries(FACADE_DEPENDENCY_SHIMS).map(([name, file]) => [
      name,
      path.join(__dirname, 'src', 'facade-deps', `${file}.ts`),
    ]),
  )

  // karma-esbuild writes its entry file to the system temp folder and imports
  // each test by its path relative to that file. From a project inside /tmp
  // that path lacks a leading "../", so esbuild reads it as a package name.
  // A temp folder inside the project keeps the path relative wherever the
  // clone lives. Karma also puts Chromium's profile there.
  const tempDir = path.join(__dirname, '.tmp', `karma-${process.pid}`)
  fs.mkdirSync(tempDir, { recursive: true })
  process.env.TMPDIR = tempDir
  process.on('exit', () => {
    fs.rmSync(tempDir, { recursive: true, force: true })
  })

  config.set({
    basePath: __dirname,
    frameworks: ['mocha'],
    plugins: [
      'karma-mocha',
      'karma-chrome-launcher',
      'karma-esbuild',
      require('./test/karma/summary-reporter.cjs'),
      require('./test/karma/test-server.cjs'),
    ],
    // Same-origin routes under /__test__/: a collector and vendor stand-ins.
    middleware: ['test-server'],
    files: [{ pattern: 'test/browser/**/*.test.ts', watched: false }],
    preprocessors: { 'test/browser/**/*.test.ts': ['esbuild'] },
    esbuild: {
      target: 'es2020',
      tsconfig: path.join(__dirname, 'tsconfig.test.json'),
      // package.json declares "sideEffects": false, so without this esbuild
      // drops every test file as an unused import and karma runs 0 tests.
      ignoreAnnotations: true,
      alias: facadeDependencyAliases,
    },
    reporters: ['summary'],
    browsers: ['ChromiumHeadless'],
    customLaunchers: {
      ChromiumHeadless: {
        base: 'ChromeHeadless',
        // Port 0 lets the system choose; the launcher would otherwise fix
        // the DevTools port at 9222.
        flags: [...CHROMIUM_FLAGS, '--remote-debugging-port=0'],
      },
    },
    // Port 0: the system picks a free port, so parallel runs never collide.
    hostname: '127.0.0.1',
    listenAddress: '127.0.0.1',
    port: 0,
    singleRun: true,
    autoWatch: false,
    concurrency: 1,
    client: {
      captureConsole: true,
      mocha: { timeout: 5000 },
    },
    browserConsoleLogOptions: { level: 'warn', terminal: true },
    captureTimeout: 60000,
    browserNoActivityTimeout: 60000,
    logLevel: config.LOG_WARN,
  })
}
