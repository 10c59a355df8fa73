'use strict'
// Mocha's spec reporter plus a closing `N passed, N failed` line, which
// scripts/run-tests.mjs reads. Failed hooks count as failures, as in mocha's
// own `N failing` line.

const { Spec } = require('mocha/lib/reporters/index.cjs')

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options)
    // Registered after Spec's own listener, so it prints after the epilogue.
    runner.once('end', () => {
      const { passes, failures } = runner.stats
      process.stdout.write(`${passes} passed, ${failures} failed\n`)
    })
  }
}

module.exports = SummaryReporter
