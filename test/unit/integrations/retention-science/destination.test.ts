import { expect } from 'chai'
import sinon from 'sinon'
import retentionScience from '../../../../integrations/retention-science'
import { DestinationError } from '../../../../src/errors'
import {
  loadDestination,
  retentionScienceStandIn,
  type DestinationTest,
} from '../../../../src/testing'

let rs: DestinationTest | undefined

async function load(
  settings: Record<string, unknown> = { siteId: '77' },
): Promise<DestinationTest> {
  rs = await loadDestination(retentionScience, {
    settings,
    standIns: [retentionScienceStandIn()],
  })
  return rs
}

/** Returns the `_setUserEmail` value of every burst sent so far. */
function emails(): unknown[] {
  return (rs?.vendorCalls('retention-science') ?? [])
    .filter(({ args: [name] }) => name === '_setUserEmail')
    .map(({ args: [, email] }) => email)
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
}

describe('the Retention Science destination', () => {
  beforeEach(() => {
    // The core reports a failed load and a throwing destination on the
    // console; these tests read the same errors from the test kit.
    sinon.stub(console, 'error')
    sinon.stub(console, 'warn')
  })

  afterEach(() => {
    sinon.restore()
    rs?.dispose()
    rs = undefined
  })

  it('declares names and defaults', () => {
    const defaults = Object.fromEntries(
      Object.entries(retentionScience.schema).map(([name, spec]) => [
        name,
        spec.default,
      ]),
    )

    expect(retentionScience.integrationName).to.equal('Retention Science')
    expect(defaults).to.deep.equal({
      siteId: '',
      enableOnSite: false,
      customMappings: [],
      reservedMappings: [],
    })
  })

  it('rejects a wrongly typed option', async () => {
    const invalid = await load({ siteId: '77', enableOnSite: 'on' })

    const error = invalid.loadError

    expect(invalid.status()).to.equal('failed')
    expect(error).to.be.instanceOf(DestinationError)
    expect(error?.message).to.match(/^Retention Science: /)
    expect(error?.message).to.contain(
      'option "enableOnSite" must be a boolean, received "on".',
    )
  })

  it('remembers the identified email', async () => {
    const destination = await load()

    await destination.identify('u-1', { email: 'ana@example.test' })
    await destination.track('A')
    // Stored traits merge into each identify; clearing them makes the next
    // identify carry no email, as a later identify of the user may.
    destination.analytics.user().traits({})
    await destination.identify('u-1', {})
    await destination.page()

    expect(emails()).to.deep.equal(['ana@example.test', 'ana@example.test'])
  })

  it('forgets the email for another visitor', async () => {
    const destination = await load()

    await destination.identify({ email: 'ana@example.test' })
    await destination.track('A')
    await destination.track('B', {}, { userId: 'u-2' })
    await destination.track('C', {}, { anonymousId: 'anon-2' })

    expect(emails()).to.deep.equal(['ana@example.test', '', ''])
  })

  it('falls back on context.traits.email', async () => {
    const destination = await load()

    await destination.page({}, { traits: { email: 'bo@example.test' } })

    expect(emails()).to.deep.equal(['bo@example.test'])
  })

  it('throws without window._rsq', async () => {
    const destination = await load()
    Reflect.deleteProperty(window, '_rsq')

    const error = await rejection(destination.page())

    expect((error as Error).message).to.contain(
      'window._rsq is missing or has no push method',
    )
  })
})
