import { expect } from 'chai'
import { parseJson } from '../../../src/integration/settings-json'

function errorOf(text: string) {
  const result = parseJson(text)
  if (result.ok) throw new Error(`parsed ${JSON.stringify(text)}`)
  return result.error
}

describe('parseJson', () => {
  it('parses JSON after a byte order mark', () => {
    expect(parseJson('\uFEFF{"integrations": {}}')).to.deep.equal({
      ok: true,
      value: { integrations: {} },
    })
  })

  it('locates each syntax error', () => {
    const cases: Array<[string, string, number, number]> = [
      ['{\n  "a": 1,\n  "b": }', 'expected a value, found "}"', 3, 8],
      ['{\n  "a": 1,\n}', 'trailing comma before "}": JSON allows none', 3, 1],
      ['{"a" 1}', 'expected ":" after the property name', 1, 6],
      ["{'a': 1}", 'expected a property name in double quotes', 1, 2],
      ['[1 2]', 'expected "," or "]" after an element', 1, 4],
      ['{"a": "x', 'string not closed with a double quote', 1, 7],
      ['{"a": "\\q"}', 'invalid escape in a string', 1, 8],
      ['{"a": 01}', 'expected "," or "}" after a property', 1, 8],
      ['{"a": -}', 'invalid number', 1, 7],
      ['{"a": 1}}', 'unexpected text after the end of the JSON value', 1, 9],
      [
        '{"a": [',
        'unexpected end of the file, where a value was expected',
        1,
        8,
      ],
      ['  \n', 'the file is empty', 2, 1],
      ['{"a": tru}', 'expected a value, found "t"', 1, 7],
    ]

    for (const [text, message, line, column] of cases) {
      expect(errorOf(text), text).to.deep.equal({ message, line, column })
    }
  })

  it('counts columns on lines that end in CRLF', () => {
    expect(errorOf('{\r\n  "a": ?\r\n}')).to.deep.equal({
      message: 'expected a value, found "?"',
      line: 2,
      column: 8,
    })
  })
})
