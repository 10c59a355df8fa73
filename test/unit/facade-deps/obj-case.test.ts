import { expect } from 'chai'

import findByPath from '../../../src/facade-deps/obj-case'
import { objCasePackage, outcome } from './packages'

const inherited = Object.create({ inheritedKey: 'from the prototype' })
inherited.own = 1

/** Objects the facade reads, each with the paths to read from it. */
const CASES: Array<[string, unknown, string[]]> = [
  [
    'mixed casing',
    {
      orderId: 'o-1',
      order_id: 'o-2',
      'Order ID': 'o-3',
      revenue: 0,
      coupon: '',
    },
    [
      'orderId',
      'order_id',
      'ORDER-ID',
      'order id',
      'revenue',
      'coupon',
      'missing',
      '',
    ],
  ],
  [
    'nesting',
    {
      traits: { address: { postal_code: '10115', city: null } },
      context: { page: { referrer: 'https://a.test/' } },
      empty: {},
    },
    [
      'traits.address.postalCode',
      'traits.address.city',
      'traits.address.city.name',
      'traits.address.missing',
      'traits.missing.city',
      'context.page.referrer',
      'context.page.referrer.length',
      'context.page.referrer.0',
      'empty',
      'empty.key',
      'traits.',
      '.traits',
    ],
  ],
  [
    'keys with dots and symbols',
    {
      'a.b': 1,
      a: { b: 2, c: 3 },
      'x.y': { z: 4 },
      $price: 5,
      '': 6,
      _: 7,
    },
    ['a.b', 'a.c', 'x.y.z', 'price', '$price', '', '_'],
  ],
  [
    'arrays and primitives',
    { products: [{ sku: 's-1' }, null], name: 'Shoe', count: 3 },
    [
      'products',
      'products.0.sku',
      'products.1',
      'products.1.sku',
      'products.length',
      'name.0',
      'count.x',
    ],
  ],
  ['inherited keys', inherited, ['own', 'inheritedKey', 'inherited_key']],
  ['own hasOwnProperty key', { hasOwnProperty: 1, x: 2 }, ['x', 'y']],
  ['null', null, ['a']],
  ['a string', 'text', ['0', 'length']],
]

describe('findByPath', () => {
  for (const [name, object, paths] of CASES) {
    for (const path of paths) {
      it(`matches obj-case for ${name}: ${JSON.stringify(path)}`, () => {
        expect(outcome(() => findByPath(object, path))).to.deep.equal(
          outcome(() => objCasePackage(object, path)),
        )
      })
    }
  }
})
