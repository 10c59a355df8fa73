import { expect } from 'chai'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

interface Report {
  fetched: string[]
  errors: string[]
  returned: boolean[]
  hasWindow: boolean
}

function runProbe(): Promise<Report> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/ssr-probe.ts'],
      { cwd: root, timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`))
        else resolve(JSON.parse(stdout) as Report)
      },
    )
  })
}

describe('server-side import', () => {
  let report: Report

  before(async function () {
    this.timeout(25_000)
    report = await runProbe()
  })

  it('runs without a window', () => {
    expect(report.hasWindow).to.equal(false)
  })

  it('makes no network request', () => {
    expect(report.fetched).to.deep.equal([])
  })

  it('throws nothing', () => {
    expect(report.errors).to.deep.equal([])
  })

  it('returns the instance from each call', () => {
    expect(report.returned).to.deep.equal([true, true, true, true, true, true])
  })
})
