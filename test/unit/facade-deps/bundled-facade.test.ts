import { expect } from 'chai'
import { transform } from 'esbuild'
import { rollup } from 'rollup'
import sinon from 'sinon'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as npmFacade from '@segment/facade'

import {
  bundlePlugins,
  FACADE_DEPENDENCY_SHIMS,
} from '../../../rollup.config.mjs'
import { outcome } from './packages'

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
)

const CLASSES = [
  'Track',
  'Page',
  'Screen',
  'Identify',
  'Group',
  'Alias',
] as const
type ClassName = (typeof CLASSES)[number]
type FacadeClass = new (
  message: Record<string, unknown>,
) => Record<string, unknown>

interface BundledFacade {
  classes: Record<ClassName, FacadeClass>
  /** Paths of the modules in the bundle. */
  modules: string[]
}

/**
 * Bundles the facade classes with the plugins of the script-tag builds,
 * esbuild standing in for the TypeScript plugin, and loads the result.
 */
async function bundleFacade(): Promise<BundledFacade> {
  const entry = `export { ${CLASSES.join(', ')} } from '@segment/facade'`
  const bundle = await rollup({
    input: 'entry',
    onwarn(warning) {
      throw new Error(warning.message)
    },
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'entry' ? id : null),
        load: (id) => (id === 'entry' ? entry : null),
      },
      {
        name: 'typescript',
        resolveId(source, importer) {
          if (!importer?.endsWith('.ts') || !source.startsWith('.')) return null
          return path.resolve(path.dirname(importer), `${source}.ts`)
        },
        async transform(code, id) {
          if (!id.endsWith('.ts')) return null
          const result = await transform(code, {
            loader: 'ts',
            target: 'es2019',
          })
          return { code: result.code, map: null }
        },
      },
      ...bundlePlugins(root, '.ts'),
    ],
  })
  const { output } = await bundle.generate({ format: 'cjs' })
  await bundle.close()
  const module = { exports: {} as Record<ClassName, FacadeClass> }
  new Function('module', 'exports', output[0].code)(module, module.exports)
  return { classes: module.exports, modules: Object.keys(output[0].modules) }
}

/** Messages as the SDK sends them, with the values the facade converts. */
const MESSAGES: Array<Record<string, unknown>> = [
  {
    type: 'track',
    event: 'Order Completed',
    messageId: 'm-1',
    anonymousId: 'a-1',
    userId: 'user@example.test',
    timestamp: '2024-01-31T12:34:56.789Z',
    properties: {
      order_id: 'o-1',
      total: '$30.50',
      tax: 2,
      shipping: 3,
      discount: 1,
      currency: 'EUR',
      coupon: 'SPRING',
      shipped_at: '2024-02-01',
      products: [
        { product_id: 'p-1', sku: 's-1', price: 10, quantity: 2 },
        null,
        { productId: 'p-2', name: 'Hat', added: '2024-01-30T08:00:00+01:00' },
      ],
      address: { postal_code: '10115', city: 'Berlin' },
    },
    context: {
      page: { url: 'https://shop.test/cart', referrer: 'https://a.test/' },
      library: { name: 'clickstream-analytics', version: '0.1.0' },
      userAgent: 'Mozilla/5.0',
      ip: '203.0.113.1',
      traits: { email: 'context@example.test' },
    },
    integrations: { All: true, 'Google Analytics': { clientId: 'c-1' } },
  },
  {
    type: 'track',
    event: 'Product Added',
    anonymousId: 'a-2',
    properties: {
      revenue: 12.5,
      value: 3,
      category: 'hats',
      email: 'p@x.test',
    },
    integrations: { Salesforce: true, Mixpanel: false },
  },
  {
    type: 'page',
    name: 'Cart',
    category: 'Shop',
    anonymousId: 'a-1',
    timestamp: 1706704496,
    properties: { title: 'Cart', path: '/cart', url: 'https://shop.test/cart' },
    context: {
      page: { referrer: 'https://a.test/' },
      traits: { email: 'c@x.test' },
    },
  },
  {
    type: 'screen',
    name: 'Home',
    userId: 'u-1',
    timestamp: '1706704496123',
    properties: { seen_at: '2024-01-31 10:00:00' },
  },
  {
    type: 'identify',
    userId: 'u-1',
    anonymousId: 'a-1',
    timestamp: '2024-01-31',
    traits: {
      name: '  Ada   Lovelace ',
      email: 'ada@example.test',
      created_at: '2015-03-01T00:00:00Z',
      birthday: '1990-12-10',
      age: null,
      phones: ['+1 555', '+1 556'],
      website: 'https://ada.test',
      company: { name: 'Engines', created: 1425168000, employees: 4 },
      address: { street: '1 Main St', zip: '10115', country: 'DE' },
      photoUrl: 'https://ada.test/a.png',
      jobTitle: 'Analyst',
      description: 'Mathematician',
      gender: 'f',
      username: 'ada',
    },
    context: { traits: { plan: 'pro' }, device: { id: 'd-1' } },
  },
  {
    type: 'identify',
    anonymousId: 'a-3',
    traits: { firstName: 'Grace', lastName: 'Hopper', createdAt: 'Jan 5 2020' },
    options: { library: 'analytics-ios' },
  },
  {
    type: 'group',
    groupId: 'g@example.test',
    userId: 'u-1',
    traits: {
      name: 'Engines',
      industry: 'Tech',
      employees: 40,
      createdAt: '2020-01-01',
    },
  },
  { type: 'group', groupId: 'g-2', properties: { created: '1577836800' } },
  { type: 'alias', userId: 'u-1', previousId: 'a-1', timestamp: new Date(0) },
  { type: 'alias', to: 'u-2', from: 'a-2' },
]

const CLASS_OF: Record<string, ClassName> = {
  track: 'Track',
  page: 'Page',
  screen: 'Screen',
  identify: 'Identify',
  group: 'Group',
  alias: 'Alias',
}

/** Names of the methods of a facade, from its class up to Object. */
function methodNames(facade: object): string[] {
  const names = new Set<string>()
  let prototype = Object.getPrototypeOf(facade)
  while (prototype && prototype !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (name !== 'constructor') names.add(name)
    }
    prototype = Object.getPrototypeOf(prototype)
  }
  return [...names].sort()
}

/** A facade that a method returns is compared by its JSON. */
function comparable(value: unknown): unknown {
  if (value && typeof (value as { json?: unknown }).json === 'function') {
    return { facade: (value as { json(): unknown }).json() }
  }
  return value
}

/** Calls with arguments that destinations pass, besides every method bare. */
const CALLS_WITH_ARGUMENTS: Array<[string, unknown[]]> = [
  ['proxy', ['properties.orderId']],
  ['proxy', ['properties.products.0.product_id']],
  ['proxy', ['context.page.referrer']],
  ['proxy', ['traits.company.name']],
  ['proxy', ['options.traits.email']],
  ['field', ['properties']],
  ['options', ['Google Analytics']],
  ['options', ['Salesforce']],
  ['options', ['Mixpanel']],
  ['enabled', ['Salesforce']],
  ['enabled', ['Google Analytics']],
  ['traits', [{ email: 'mail', firstName: 'first', created: 'createdAt' }]],
  ['properties', [{ revenue: 'value', orderId: 'order' }]],
  ['track', ['Checkout']],
  ['event', ['Checkout']],
]

describe('facade bundled with src/facade-deps', function () {
  // One rollup build, shared by the cases.
  this.timeout(30000)
  let bundled: BundledFacade

  before(async () => {
    bundled = await bundleFacade()
  })

  beforeEach(() => {
    // The facade stamps messages without a timestamp with the time.
    sinon.useFakeTimers({ now: Date.UTC(2024, 0, 31, 12), toFake: ['Date'] })
  })

  afterEach(() => sinon.restore())

  it('contains none of the packages it replaces', () => {
    const packages = Object.keys(FACADE_DEPENDENCY_SHIMS).concat(
      '@segment/isodate',
    )
    const replaced = bundled.modules.filter((id) =>
      packages.some((name) => id.includes(`node_modules/${name}/`)),
    )

    expect(replaced).to.deep.equal([])
    expect(
      bundled.modules.some((id) => id.includes('src/facade-deps/')),
    ).to.equal(true)
    expect(bundled.modules.some((id) => id.endsWith('delete.js'))).to.equal(
      false,
    )
  })

  MESSAGES.forEach((message, index) => {
    const name = CLASS_OF[message.type as string]!
    const label = `${name} ${index}`

    it(`${label}: every method returns what the npm facade returns`, () => {
      const npm = new (npmFacade[name] as unknown as FacadeClass)(message)
      const shimmed = new bundled.classes[name](message)

      const methods = methodNames(npm)

      expect(methodNames(shimmed)).to.deep.equal(methods)
      for (const method of methods) {
        const expected = outcome(() =>
          comparable((npm[method] as () => unknown).call(npm)),
        )
        const actual = outcome(() =>
          comparable((shimmed[method] as () => unknown).call(shimmed)),
        )
        expect(actual, method).to.deep.equal(expected)
      }
    })

    it(`${label}: calls with arguments match the npm facade`, () => {
      const npm = new (npmFacade[name] as unknown as FacadeClass)(message)
      const shimmed = new bundled.classes[name](message)

      for (const [method, args] of CALLS_WITH_ARGUMENTS) {
        if (typeof npm[method] !== 'function') continue
        const expected = outcome(() =>
          comparable((npm[method] as (...a: unknown[]) => unknown)(...args)),
        )
        const actual = outcome(() =>
          comparable(
            (shimmed[method] as (...a: unknown[]) => unknown)(...args),
          ),
        )
        expect(actual, `${method}(${JSON.stringify(args)})`).to.deep.equal(
          expected,
        )
      }
    })
  })
})
