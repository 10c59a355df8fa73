'use strict'
// A karma reporter that prints one line per spec, the failures with their
// errors, and a closing `N passed, N failed` line that scripts/run-tests.mjs
// reads. Karma's own reporters print no such line.

const SEPARATOR = ' › '

function specName(result) {
  return [...result.suite, result.description].join(SEPARATOR)
}

function SummaryReporter(baseReporterDecorator, formatError) {
  baseReporterDecorator(this)

  const failures = []
  let skipped = 0

  this.onRunStart = () => {
    this._browsers = []
    failures.length = 0
    skipped = 0
  }

  this.specSuccess = (browser, result) => {
    this.write(`  ✓ ${specName(result)} (${result.time} ms)\n`)
  }

  this.specSkipped = (browser, result) => {
    skipped++
    this.write(`  - ${specName(result)} (skipped)\n`)
  }

  this.specFailure = (browser, result) => {
    failures.push(result)
    this.write(`  ✗ ${specName(result)}\n`)
  }

  this.onRunComplete = (browsers, results) => {
    failures.forEach((result, index) => {
      this.write(`\n${index + 1}) ${specName(result)}\n`)
      for (const log of result.log) this.write(formatError(log, '    '))
    })
    const browserNames = browsers.map((browser) => browser.name).join(', ')
    this.write(`\nbrowser: ${browserNames || 'none captured'}\n`)
    if (results.disconnected) {
      this.write('karma: the browser disconnected before the run finished\n')
    } else if (results.error || results.success + results.failed === 0) {
      this.write(
        'karma: the run failed outside any test ' +
          '(a compile or load error, or no tests found; see above)\n',
      )
    }
    if (skipped > 0) this.write(`${skipped} pending\n`)
    this.write(`${results.success} passed, ${results.failed} failed\n`)
  }
}

SummaryReporter.$inject = ['baseReporterDecorator', 'formatError']

module.exports = { 'reporter:summary': ['type', SummaryReporter] }
