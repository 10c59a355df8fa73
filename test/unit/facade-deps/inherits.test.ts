import { expect } from 'chai'

import inherits from '../../../src/facade-deps/inherits'
import { inheritsPackage } from './packages'

interface Instance {
  base(): string
  own(): string
}

/** Builds a parent and a child class the way the facade's files do. */
function classes(link: (child: unknown, parent: unknown) => void) {
  function Parent(this: Record<string, unknown>) {
    this.constructed = true
  }
  Parent.prototype.base = () => 'base'
  Parent.prototype.shadowed = () => 'parent'
  function Child(this: Record<string, unknown>) {
    Parent.call(this)
  }
  link(Child, Parent)
  Child.prototype.own = () => 'own'
  Child.prototype.shadowed = () => 'child'
  const instance = new (Child as unknown as new () => Instance)()
  return { Parent, Child, instance }
}

/** Collects what the facade relies on from a linked pair of classes. */
function describeLink(link: (child: unknown, parent: unknown) => void) {
  const { Parent, Child, instance } = classes(link)
  const record = instance as unknown as Record<string, unknown>
  return {
    base: instance.base(),
    own: instance.own(),
    shadowed: (record.shadowed as () => string)(),
    constructed: record.constructed,
    isChild: instance instanceof Child,
    isParent: instance instanceof Parent,
    constructorIsChild: record.constructor === Child,
    prototypeKeys: Object.keys(Child.prototype),
    forInKeys: forInKeys(instance),
  }
}

function forInKeys(object: object): string[] {
  const keys: string[] = []
  for (const key in object) keys.push(key)
  return keys
}

describe('inherits', () => {
  it('links classes as the package does', () => {
    expect(
      describeLink(inherits as (c: unknown, p: unknown) => void),
    ).to.deep.equal(describeLink(inheritsPackage))
  })
})
