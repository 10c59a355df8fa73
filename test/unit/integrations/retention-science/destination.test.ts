import { expect } from 'chai'
import retentionScience from '../../../../integrations/retention-science'
import { DestinationError } from '../../../../src/errors'
import { createPluginContext } from '../../../../src/integration/context'
import type { Plugin } from '../../../../src/integration/types'
import type { SegmentEvent } from '../../../../src/message/types'

type Queue = unknown[][]

function message(fields: Partial<SegmentEvent>): SegmentEvent {
  return {
    type: 'track',
    messageId: `m-${Math.random()}`,
    timestamp: new Date(0).toISOString(),
    anonymousId: 'anon-1',
    context: { library: { name: 'test', version: '0' } },
    integrations: {},
    ...fields,
  }
}

function queue(): Queue {
  return Reflect.get(window, '_rsq') as Queue
}

/** Returns the `_setUserEmail` value of every burst sent so far. */
function emails(): unknown[] {
  return queue()
    .filter(([name]) => name === '_setUserEmail')
    .map(([, email]) => email)
}

async function send(plugin: Plugin, fields: Partial<SegmentEvent>) {
  const event = message(fields)
  await plugin[event.type]?.(createPluginContext(event))
}

describe('the Retention Science destination', () => {
  let plugin: Plugin

  beforeEach(() => {
    Reflect.set(window, '_rsq', [])
    plugin = retentionScience({ siteId: '77' })
  })

  afterEach(() => {
    Reflect.deleteProperty(window, '_rsq')
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
    const invalid = retentionScience({
      siteId: '77',
      enableOnSite: 'on' as never,
    })

    const error = await Promise.resolve(
      invalid.load(createPluginContext(message({})), undefined),
    ).then(
      () => undefined,
      (reason: unknown) => reason,
    )

    expect(error).to.be.instanceOf(DestinationError)
    expect((error as Error).message).to.match(/^Retention Science: /)
    expect((error as Error).message).to.contain(
      'option "enableOnSite" must be a boolean, received "on".',
    )
  })

  it('remembers the identified email', async () => {
    await send(plugin, {
      type: 'identify',
      userId: 'u-1',
      traits: { email: 'ana@example.test' },
    })
    await send(plugin, { type: 'track', event: 'A', userId: 'u-1' })
    await send(plugin, { type: 'identify', userId: 'u-1', traits: {} })
    await send(plugin, { type: 'page', userId: 'u-1' })

    expect(emails()).to.deep.equal(['ana@example.test', 'ana@example.test'])
  })

  it('forgets the email for another visitor', async () => {
    await send(plugin, {
      type: 'identify',
      traits: { email: 'ana@example.test' },
    })
    await send(plugin, { type: 'track', event: 'A' })
    await send(plugin, { type: 'track', event: 'B', userId: 'u-2' })
    await send(plugin, { type: 'track', event: 'C', anonymousId: 'anon-2' })

    expect(emails()).to.deep.equal(['ana@example.test', '', ''])
  })

  it('falls back on context.traits.email', async () => {
    await send(plugin, {
      type: 'page',
      context: {
        library: { name: 'test', version: '0' },
        traits: { email: 'bo@example.test' },
      },
    })

    expect(emails()).to.deep.equal(['bo@example.test'])
  })

  it('throws without window._rsq', async () => {
    Reflect.deleteProperty(window, '_rsq')

    const error = await send(plugin, { type: 'page' }).then(
      () => undefined,
      (reason: unknown) => reason,
    )

    expect((error as Error).message).to.contain(
      'window._rsq is missing or has no push method',
    )
  })
})
