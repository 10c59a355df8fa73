import { expect } from 'chai'
import sinon from 'sinon'
import { resetReportedCauses } from '../../../src/debug'
import type { DropNotice } from '../../../src/events'
import { closeHarnesses, loadHarness, tick } from './harness'

afterEach(async () => {
  sinon.restore()
  resetReportedCauses()
  await closeHarnesses()
})

const MEGABYTE = 'x'.repeat(1024 * 1024)
const LONG_NAME = 'e'.repeat(10_000)
const DROPPED = ' The call was dropped; nothing else is affected.'

/** A hostile call: the `track` arguments and the expected outcome. */
interface Row {
  name: string
  input: () => { event: string; properties: object }
  outcome: Delivered | Dropped
}

/** Outcome of a sent event: its name and properties as the collector parsed them. */
interface Delivered {
  event: string
  properties: unknown
}

/** Outcome of a dropped event: the `dropped` notice and its one console error. */
interface Dropped {
  reason: string
  detail: string
  error: string
}

function nested(levels: number): object {
  let value: object = { leaf: 1 }
  for (let level = 0; level < levels; level++) value = { n: value }
  return value
}

function circular(): object {
  const value: Record<string, unknown> = { a: 1 }
  value.self = value
  return value
}

function sparse(): unknown[] {
  const value: unknown[] = [1]
  value[3] = 4
  return value
}

function invalid(detail: string): Dropped {
  const full = `analytics.track: ${detail}`
  return { reason: 'invalid_argument', detail: full, error: full + DROPPED }
}

const DEEP_PATH =
  'properties.deep.n.n.n.n.n.n.n.n.n.n.n.n.….n.n.n.n.n.n.n.n.n.n.n.n.n.n.n'
const TOO_LARGE =
  '1049184 bytes, over 32768; the largest field is properties.s (1048578 bytes)'

/** Properties built by a class, as apps often pass them. */
class Props {
  plan = 'pro'
  constructor(public tags: Set<string>) {}
}

/** Returns an object of `count` keys k0, k1, ..., each with a 6-character string. */
function manyKeys(count: number): Record<string, string> {
  const object: Record<string, string> = {}
  for (let index = 0; index < count; index++) object[`k${index}`] = 'vvvvvv'
  return object
}

const MANY_KEYS_TOO_LARGE =
  '84491 bytes, over 32768; the largest field is properties (83891 bytes in 5000 keys)'

const ROWS: Row[] = [
  {
    name: 'a 1 MB string property',
    input: () => ({ event: 'E', properties: { s: MEGABYTE } }),
    outcome: {
      reason: 'event_too_large',
      detail: TOO_LARGE,
      error: `An event was dropped because it is too large to send (${TOO_LARGE}). Send smaller properties, e.g. ids instead of whole objects.`,
    },
  },
  {
    name: 'properties with 5,000 small keys',
    input: () => ({ event: 'E', properties: manyKeys(5_000) }),
    outcome: {
      reason: 'event_too_large',
      detail: MANY_KEYS_TOO_LARGE,
      error: `An event was dropped because it is too large to send (${MANY_KEYS_TOO_LARGE}). Send smaller properties, e.g. ids instead of whole objects.`,
    },
  },
  {
    name: '10,000 levels of nesting',
    input: () => ({ event: 'E', properties: { deep: nested(10_000) } }),
    outcome: invalid(
      `${DEEP_PATH} is nested deeper than 500 levels. Flatten it before sending.`,
    ),
  },
  {
    name: 'a circular object',
    input: () => ({ event: 'E', properties: circular() }),
    outcome: invalid(
      'properties.self is a circular reference, which JSON cannot send. Pass a copy without the cycle.',
    ),
  },
  {
    name: 'a BigInt',
    input: () => ({ event: 'E', properties: { v: BigInt(1) } }),
    outcome: invalid(
      'properties.v is a BigInt (1n), which JSON cannot send. Convert it with String() or Number() first.',
    ),
  },
  // Symbols and functions are left out, with a debug note (debug mode only).
  {
    name: 'a symbol value',
    input: () => ({ event: 'E', properties: { v: Symbol('s'), a: 1 } }),
    outcome: { event: 'E', properties: { a: 1 } },
  },
  {
    name: 'a symbol key',
    input: () => ({ event: 'E', properties: { [Symbol('k')]: 1, a: 1 } }),
    outcome: { event: 'E', properties: { a: 1 } },
  },
  {
    name: 'a function',
    input: () => ({ event: 'E', properties: { v: () => 1, a: 1 } }),
    outcome: { event: 'E', properties: { a: 1 } },
  },
  {
    name: 'functions and symbols in an array',
    input: () => ({ event: 'E', properties: { v: [1, () => 1, Symbol('s')] } }),
    outcome: { event: 'E', properties: { v: [1, null, null] } },
  },
  {
    name: 'a Date',
    input: () => ({ event: 'E', properties: { v: new Date(0) } }),
    outcome: { event: 'E', properties: { v: '1970-01-01T00:00:00.000Z' } },
  },
  {
    name: 'an invalid Date',
    input: () => ({ event: 'E', properties: { v: new Date(NaN) } }),
    outcome: { event: 'E', properties: { v: null } },
  },
  {
    name: 'a __proto__ key',
    input: () => ({
      event: 'E',
      properties: JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}'),
    }),
    outcome: {
      event: 'E',
      properties: JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}'),
    },
  },
  {
    name: 'constructor and prototype keys',
    input: () => ({
      event: 'E',
      properties: {
        constructor: { prototype: { polluted: 1 } },
        prototype: { polluted: 2 },
      },
    }),
    outcome: {
      event: 'E',
      properties: {
        constructor: { prototype: { polluted: 1 } },
        prototype: { polluted: 2 },
      },
    },
  },
  {
    name: 'a throwing getter',
    input: () => ({
      event: 'E',
      properties: {
        get v(): number {
          throw new Error('boom')
        },
      },
    }),
    outcome: invalid(
      'properties.v could not be read (boom). Pass plain data, not objects with getters or proxies.',
    ),
  },
  {
    name: 'a Proxy whose ownKeys trap throws',
    input: () => ({
      event: 'E',
      properties: new Proxy(
        { a: 1 },
        {
          ownKeys() {
            throw new Error('trap')
          },
        },
      ),
    }),
    outcome: invalid(
      'properties could not be read (trap). Pass plain data, not objects with getters or proxies.',
    ),
  },
  {
    name: 'a Proxy',
    input: () => ({ event: 'E', properties: new Proxy({ a: 1 }, {}) }),
    outcome: { event: 'E', properties: { a: 1 } },
  },
  {
    name: 'NaN and Infinity',
    input: () => ({
      event: 'E',
      properties: { n: NaN, i: Infinity, m: -Infinity },
    }),
    outcome: { event: 'E', properties: { n: null, i: null, m: null } },
  },
  {
    name: 'a sparse array',
    input: () => ({ event: 'E', properties: { v: sparse() } }),
    outcome: { event: 'E', properties: { v: [1, null, null, 4] } },
  },
  {
    name: 'a typed array',
    input: () => ({ event: 'E', properties: { v: new Uint8Array([1, 2]) } }),
    outcome: { event: 'E', properties: { v: [1, 2] } },
  },
  {
    name: 'Maps and Sets',
    input: () => ({
      event: 'E',
      properties: {
        m: new Map<unknown, unknown>([
          ['a', 1],
          [2, { b: new Set(['x']) }],
        ]),
        s: new Set([1, 'two']),
      },
    }),
    outcome: {
      event: 'E',
      properties: { m: { a: 1, 2: { b: ['x'] } }, s: [1, 'two'] },
    },
  },
  {
    name: 'a Map with a __proto__ key',
    input: () => ({
      event: 'E',
      properties: { m: new Map([['__proto__', { polluted: true }]]) },
    }),
    outcome: {
      event: 'E',
      properties: {
        m: JSON.parse('{"__proto__":{"polluted":true}}') as object,
      },
    },
  },
  {
    name: 'a class instance',
    input: () => ({ event: 'E', properties: new Props(new Set(['x'])) }),
    outcome: { event: 'E', properties: { plan: 'pro', tags: ['x'] } },
  },
  {
    name: 'a string with lone surrogates',
    input: () => ({ event: 'E', properties: { s: 'a\uD800b\uDC00' } }),
    outcome: { event: 'E', properties: { s: 'a\uD800b\uDC00' } },
  },
  {
    name: 'an event name with a lone surrogate',
    input: () => ({ event: 'a\uD800', properties: {} }),
    outcome: { event: 'a\uD800', properties: {} },
  },
  {
    name: 'an event name of 10,000 characters',
    input: () => ({ event: LONG_NAME, properties: {} }),
    outcome: { event: LONG_NAME, properties: {} },
  },
]

/** Returns the message of each SDK console error (prefix `[clickstream...]`). */
function ownErrors(stub: sinon.SinonStub): string[] {
  return stub
    .getCalls()
    .filter((call) => String(call.args[0]).startsWith('[clickstream'))
    .map((call) => String(call.args[1]))
}

describe('hostile input table', () => {
  for (const row of ROWS) {
    const verb = 'reason' in row.outcome ? 'drops' : 'delivers'
    it(`${verb} ${row.name}`, async () => {
      const errors = sinon.stub(console, 'error')
      const { analytics, collector } = await loadHarness()
      const drops: DropNotice[] = []
      analytics.on('dropped', (notice) => drops.push(notice))
      const { event, properties } = row.input()

      expect(() => analytics.track(event, properties as never)).not.to.throw()
      analytics.track('After')
      const expected = 'reason' in row.outcome ? 1 : 2
      await collector.waitFor(expected)
      await analytics.flush()
      await tick(20)
      errors.restore()

      const sent = collector.messages.map((item) => item.body)
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined)
      if ('reason' in row.outcome) {
        const { reason, detail, error } = row.outcome
        expect(
          drops.map((drop) => ({
            reason: drop.reason,
            detail: drop.detail,
          })),
        ).to.deep.equal([{ reason, detail }])
        expect(ownErrors(errors)).to.deep.equal([error])
        expect(sent.map((body) => body.event)).to.deep.equal(['After'])
      } else {
        expect(drops).to.deep.equal([])
        expect(ownErrors(errors)).to.deep.equal([])
        expect(sent.map((body) => body.event)).to.deep.equal([
          row.outcome.event,
          'After',
        ])
        expect(sent[0]!.properties).to.deep.equal(row.outcome.properties)
      }
    })
  }
})
