import { expect } from 'chai'
import {
  resolveAlias,
  resolvePage,
  resolveTrack,
  resolveUser,
} from '../../src/arguments'
import { InvalidArgumentError } from '../../src/errors'

const cb = () => {}
const opts = { integrations: { All: false } }

interface Row {
  call: string
  resolve: () => unknown
  expected: unknown
}

// One row per call shape; each resolves as classic analytics.js does.
const rows: Row[] = [
  // track
  {
    call: "track('E')",
    resolve: () => resolveTrack(['E']),
    expected: { event: 'E', properties: {}, options: {}, callback: undefined },
  },
  {
    call: "track('E', props)",
    resolve: () => resolveTrack(['E', { a: 1 }]),
    expected: {
      event: 'E',
      properties: { a: 1 },
      options: {},
      callback: undefined,
    },
  },
  {
    call: "track('E', props, opts, cb)",
    resolve: () => resolveTrack(['E', { a: 1 }, opts, cb]),
    expected: { event: 'E', properties: { a: 1 }, options: opts, callback: cb },
  },
  {
    call: "track('E', cb)",
    resolve: () => resolveTrack(['E', cb]),
    expected: { event: 'E', properties: {}, options: {}, callback: cb },
  },
  {
    call: "track('E', props, cb)",
    resolve: () => resolveTrack(['E', { a: 1 }, cb]),
    expected: { event: 'E', properties: { a: 1 }, options: {}, callback: cb },
  },
  {
    call: "track('E', null, opts)",
    resolve: () => resolveTrack(['E', null, opts]),
    expected: {
      event: 'E',
      properties: {},
      options: opts,
      callback: undefined,
    },
  },
  {
    call: "track('E', null, null, cb)",
    resolve: () => resolveTrack(['E', null, null, cb]),
    expected: { event: 'E', properties: {}, options: {}, callback: cb },
  },
  {
    call: 'track(42)',
    resolve: () => resolveTrack([42]),
    expected: { event: '42', properties: {}, options: {}, callback: undefined },
  },
  {
    call: 'track({ event, properties }, opts)',
    resolve: () => resolveTrack([{ event: 'E', properties: { a: 1 } }, opts]),
    expected: {
      event: 'E',
      properties: { a: 1 },
      options: opts,
      callback: undefined,
    },
  },
  {
    call: 'track({ event }, cb)',
    resolve: () => resolveTrack([{ event: 'E' }, cb]),
    expected: { event: 'E', properties: {}, options: {}, callback: cb },
  },

  // page: one string is the name, two are category and name
  {
    call: 'page()',
    resolve: () => resolvePage([]),
    expected: {
      category: null,
      name: null,
      properties: {},
      options: {},
      callback: undefined,
    },
  },
  {
    call: "page('Docs Home', { category: 'Docs' })",
    resolve: () => resolvePage(['Docs Home', { category: 'Docs' }]),
    expected: {
      category: null,
      name: 'Docs Home',
      properties: { category: 'Docs' },
      options: {},
      callback: undefined,
    },
  },
  {
    call: "page('Docs', 'Home')",
    resolve: () => resolvePage(['Docs', 'Home']),
    expected: {
      category: 'Docs',
      name: 'Home',
      properties: {},
      options: {},
      callback: undefined,
    },
  },
  {
    call: "page('Pricing', null, props, opts, cb)",
    resolve: () => resolvePage(['Pricing', null, { plan: 'pro' }, opts, cb]),
    expected: {
      category: null,
      name: 'Pricing',
      properties: { plan: 'pro' },
      options: opts,
      callback: cb,
    },
  },
  {
    call: "page('Pricing', null, null, opts)",
    resolve: () => resolvePage(['Pricing', null, null, opts]),
    expected: {
      category: null,
      name: 'Pricing',
      properties: {},
      options: opts,
      callback: undefined,
    },
  },
  {
    call: 'page(props)',
    resolve: () => resolvePage([{ path: '/x' }]),
    expected: {
      category: null,
      name: null,
      properties: { path: '/x' },
      options: {},
      callback: undefined,
    },
  },
  {
    call: 'page(props, opts)',
    resolve: () => resolvePage([{ path: '/x' }, opts]),
    expected: {
      category: null,
      name: null,
      properties: { path: '/x' },
      options: opts,
      callback: undefined,
    },
  },
  {
    call: "page('Docs', 'Home', props, cb)",
    resolve: () => resolvePage(['Docs', 'Home', { a: 1 }, cb]),
    expected: {
      category: 'Docs',
      name: 'Home',
      properties: { a: 1 },
      options: {},
      callback: cb,
    },
  },
  {
    call: "page('Home', cb)",
    resolve: () => resolvePage(['Home', cb]),
    expected: {
      category: null,
      name: 'Home',
      properties: {},
      options: {},
      callback: cb,
    },
  },
  {
    call: 'page(cb)',
    resolve: () => resolvePage([cb]),
    expected: {
      category: null,
      name: null,
      properties: {},
      options: {},
      callback: cb,
    },
  },
  {
    call: 'page(null, null, props)',
    resolve: () => resolvePage([null, null, { a: 1 }]),
    expected: {
      category: null,
      name: null,
      properties: { a: 1 },
      options: {},
      callback: undefined,
    },
  },
  {
    call: "page('Docs', 'Home', null, opts)",
    resolve: () => resolvePage(['Docs', 'Home', null, opts]),
    expected: {
      category: 'Docs',
      name: 'Home',
      properties: {},
      options: opts,
      callback: undefined,
    },
  },

  // identify
  {
    call: 'identify()',
    resolve: () => resolveUser([], 'identify'),
    expected: { id: undefined, traits: {}, options: {}, callback: undefined },
  },
  {
    call: "identify('u1')",
    resolve: () => resolveUser(['u1'], 'identify'),
    expected: { id: 'u1', traits: {}, options: {}, callback: undefined },
  },
  {
    call: "identify('u1', traits, opts, cb)",
    resolve: () => resolveUser(['u1', { plan: 'pro' }, opts, cb], 'identify'),
    expected: {
      id: 'u1',
      traits: { plan: 'pro' },
      options: opts,
      callback: cb,
    },
  },
  {
    call: 'identify(traits)',
    resolve: () => resolveUser([{ email: 'ana@example.test' }], 'identify'),
    expected: {
      id: undefined,
      traits: { email: 'ana@example.test' },
      options: {},
      callback: undefined,
    },
  },
  {
    call: 'identify(traits, opts, cb)',
    resolve: () => resolveUser([{ seats: 3 }, opts, cb], 'identify'),
    expected: {
      id: undefined,
      traits: { seats: 3 },
      options: opts,
      callback: cb,
    },
  },
  {
    call: 'identify(12345, traits)',
    resolve: () => resolveUser([12345, { name: 'Test User' }], 'identify'),
    expected: {
      id: '12345',
      traits: { name: 'Test User' },
      options: {},
      callback: undefined,
    },
  },
  {
    call: 'identify(null, traits)',
    resolve: () => resolveUser([null, { a: 1 }], 'identify'),
    expected: { id: null, traits: { a: 1 }, options: {}, callback: undefined },
  },
  {
    call: "identify('u7', { company: null })",
    resolve: () =>
      resolveUser(['user-7', { company: null, plan: 'free' }], 'identify'),
    expected: {
      id: 'user-7',
      traits: { company: null, plan: 'free' },
      options: {},
      callback: undefined,
    },
  },
  {
    call: "identify('u1', cb)",
    resolve: () => resolveUser(['u1', cb], 'identify'),
    expected: { id: 'u1', traits: {}, options: {}, callback: cb },
  },

  // group
  {
    call: "group('g1', traits)",
    resolve: () => resolveUser(['g1', { name: 'Acme' }], 'group'),
    expected: {
      id: 'g1',
      traits: { name: 'Acme' },
      options: {},
      callback: undefined,
    },
  },
  {
    call: 'group(7, null, opts)',
    resolve: () => resolveUser([7, null, opts], 'group'),
    expected: { id: '7', traits: {}, options: opts, callback: undefined },
  },
  {
    call: 'group(traits, cb)',
    resolve: () => resolveUser([{ name: 'Acme' }, cb], 'group'),
    expected: {
      id: undefined,
      traits: { name: 'Acme' },
      options: {},
      callback: cb,
    },
  },

  // alias
  {
    call: "alias('new')",
    resolve: () => resolveAlias(['new']),
    expected: { to: 'new', from: null, options: {}, callback: undefined },
  },
  {
    call: "alias('new', 'old')",
    resolve: () => resolveAlias(['new', 'old']),
    expected: { to: 'new', from: 'old', options: {}, callback: undefined },
  },
  {
    call: 'alias(12345)',
    resolve: () => resolveAlias([12345]),
    expected: { to: '12345', from: null, options: {}, callback: undefined },
  },
  {
    call: "alias('new', opts)",
    resolve: () => resolveAlias(['new', opts]),
    expected: { to: 'new', from: null, options: opts, callback: undefined },
  },
  {
    call: "alias('new', null, opts, cb)",
    resolve: () => resolveAlias(['new', null, opts, cb]),
    expected: { to: 'new', from: null, options: opts, callback: cb },
  },
  {
    call: "alias('new', cb)",
    resolve: () => resolveAlias(['new', cb]),
    expected: { to: 'new', from: null, options: {}, callback: cb },
  },
]

describe('argument resolution', () => {
  for (const row of rows) {
    it(row.call, () => {
      expect(row.resolve()).to.deep.equal(row.expected)
    })
  }
})

describe('argument resolution errors', () => {
  const invalid: Array<[string, () => unknown, RegExp]> = [
    [
      'track()',
      () => resolveTrack([]),
      /analytics\.track: invalid event name \(undefined\)/,
    ],
    ["track('')", () => resolveTrack(['']), /invalid event name ""/],
    [
      'track(props object without event)',
      () => resolveTrack([{ properties: {} }]),
      /invalid event name/,
    ],
    [
      "track('E', 'text')",
      () => resolveTrack(['E', 'text']),
      /invalid properties "text"/,
    ],
    [
      "track('E', [1])",
      () => resolveTrack(['E', [1]]),
      /invalid properties an array/,
    ],
    [
      "track('E', {}, 5)",
      () => resolveTrack(['E', {}, 5]),
      /invalid options 5 \(a number\)/,
    ],
    [
      'identify(true)',
      () => resolveUser([true], 'identify'),
      /invalid user id true \(a boolean\)/,
    ],
    [
      "identify('u', 'x')",
      () => resolveUser(['u', 'x'], 'identify'),
      /invalid traits "x"/,
    ],
    ['alias()', () => resolveAlias([]), /invalid new user id/],
    ['page(true)', () => resolvePage([true]), /invalid category true/],
  ]
  for (const [call, resolve, message] of invalid) {
    it(`${call} names the argument`, () => {
      expect(resolve).to.throw(InvalidArgumentError, message)
    })
  }
})
