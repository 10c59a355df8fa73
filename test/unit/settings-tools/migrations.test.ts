import { expect } from 'chai'
import {
  migrateOptions,
  type OptionMigration,
} from '../../../src/integration/migrations'

const RENAME: OptionMigration = {
  kind: 'renamed',
  version: '2.0.0',
  from: 'oldKey',
  to: 'newKey',
}

const upperCase = (value: unknown) =>
  typeof value === 'string' ? value.toUpperCase() : value

describe('migrateOptions', () => {
  it('renames an option in place', () => {
    const raw = { first: 1, oldKey: 'x', last: 2 }

    const { options, changes } = migrateOptions('Acme', [RENAME], raw)

    expect(options).to.deep.equal({ first: 1, newKey: 'x', last: 2 })
    expect(Object.keys(options as object)).to.deep.equal([
      'first',
      'newKey',
      'last',
    ])
    expect(changes).to.deep.equal([
      {
        option: 'oldKey',
        kind: 'renamed',
        message: 'Acme: renamed option "oldKey" to "newKey" (version 2.0.0).',
      },
    ])
  })

  it('converts the value of a renamed option', () => {
    const migration: OptionMigration = { ...RENAME, convert: upperCase }

    const { options, changes } = migrateOptions('Acme', [migration], {
      oldKey: 'abc',
    })

    expect(options).to.deep.equal({ newKey: 'ABC' })
    expect(changes[0]?.message).to.equal(
      'Acme: renamed option "oldKey" to "newKey" (version 2.0.0), and "abc" became "ABC".',
    )
  })

  it('appends the note of a rename to its change', () => {
    const migration: OptionMigration = { ...RENAME, note: 'Check the docs.' }

    const { changes } = migrateOptions('Acme', [migration], { oldKey: 1 })

    expect(changes[0]?.message).to.match(
      /\(version 2\.0\.0\)\. Check the docs\.$/,
    )
  })

  it('never mutates the raw settings', () => {
    const raw = { oldKey: 'abc', gone: [1], shaped: { a: 1 } }
    const before = JSON.stringify(raw)
    const migrations: OptionMigration[] = [
      { ...RENAME, convert: upperCase },
      { kind: 'removed', version: '2.0.0', option: 'gone', reason: 'Unused.' },
      {
        kind: 'reshaped',
        version: '2.0.0',
        option: 'shaped',
        description: 'an object became a list',
        convert: (value) => Object.entries(value as object),
      },
    ]

    const { options } = migrateOptions('Acme', migrations, raw)

    expect(JSON.stringify(raw)).to.equal(before)
    expect(options).to.not.equal(raw)
  })

  it('reports a conflict, keeping both values', () => {
    const raw = { oldKey: true, newKey: false }

    const { options, changes } = migrateOptions('Acme', [RENAME], raw)

    expect(options).to.deep.equal({ oldKey: true, newKey: false })
    expect(changes).to.have.length(1)
    expect(changes[0]?.kind).to.equal('conflict')
    expect(changes[0]?.message).to.equal(
      'Acme: option "oldKey" was renamed "newKey" (version 2.0.0), but both are set ("oldKey": true, "newKey": false), so "newKey" is used. Delete "oldKey", or move its value to "newKey" by hand.',
    )
  })

  it('drops a duplicate old name', () => {
    const { options, changes } = migrateOptions('Acme', [RENAME], {
      oldKey: 'same',
      newKey: 'same',
    })

    expect(options).to.deep.equal({ newKey: 'same' })
    expect(changes[0]?.kind).to.equal('removed')
  })

  it('moves over an empty new name', () => {
    for (const empty of ['', null]) {
      const { options, changes } = migrateOptions('Acme', [RENAME], {
        newKey: empty,
        oldKey: 'x',
      })

      expect(options, String(empty)).to.deep.equal({ newKey: 'x' })
      expect(changes[0]?.kind).to.equal('renamed')
    }
  })

  it('removes a dropped option with reason', () => {
    const migration: OptionMigration = {
      kind: 'removed',
      version: '3.1.0',
      option: 'legacy',
      reason: 'Use "modern" instead.',
    }

    const { options, changes } = migrateOptions('Acme', [migration], {
      legacy: ['a'],
      kept: 1,
    })

    expect(options).to.deep.equal({ kept: 1 })
    expect(changes[0]?.message).to.equal(
      'Acme: removed option "legacy" (["a"]), dropped in version 3.1.0. Use "modern" instead.',
    )
  })

  it('reshapes only old-shaped values', () => {
    const migration: OptionMigration = {
      kind: 'reshaped',
      version: '1.1.0',
      option: 'ids',
      description: 'one ID became a list of IDs',
      convert: (value) => (Array.isArray(value) ? value : [value]),
    }

    const old = migrateOptions('Acme', [migration], { ids: 'G-1' })
    const current = migrateOptions('Acme', [migration], { ids: ['G-1'] })

    expect(old.options).to.deep.equal({ ids: ['G-1'] })
    expect(old.changes[0]?.message).to.equal(
      'Acme: option "ids" changed shape (version 1.1.0): one ID became a list of IDs, so "G-1" became ["G-1"].',
    )
    expect(current.changes).to.deep.equal([])
  })

  it('applies migrations in order', () => {
    const migrations: OptionMigration[] = [
      RENAME,
      {
        kind: 'reshaped',
        version: '2.1.0',
        option: 'newKey',
        description: 'upper case',
        convert: upperCase,
      },
    ]

    const { options, changes } = migrateOptions('Acme', migrations, {
      oldKey: 'abc',
    })

    expect(options).to.deep.equal({ newKey: 'ABC' })
    expect(changes.map((change) => change.kind)).to.deep.equal([
      'renamed',
      'reshaped',
    ])
  })

  it('returns non-object settings unchanged', () => {
    for (const raw of [undefined, null, 'x', [1]]) {
      const result = migrateOptions('Acme', [RENAME], raw)

      expect(result.options).to.equal(raw)
      expect(result.changes).to.deep.equal([])
    }
  })

  it('keeps a "__proto__" key as data', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "oldKey": 1}')

    const { options } = migrateOptions('Acme', [RENAME], raw)

    expect(Object.getPrototypeOf(options)).to.equal(Object.prototype)
    expect(Object.keys(options as object)).to.deep.equal([
      '__proto__',
      'newKey',
    ])
  })
})
