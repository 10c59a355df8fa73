/** The first syntax error of a settings file, with its location. */
export interface JsonSyntaxError {
  message: string
  /** 1-based line of the first invalid character. */
  line: number
  /** 1-based column of the first invalid character. */
  column: number
}

export type JsonParseResult =
  { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError }

/**
 * Parses JSON text and, when it is invalid, locates the first error by line
 * and column. `JSON.parse` gives an offset for only some errors, and its
 * wording differs between Node versions, so a small scanner of the JSON
 * grammar (RFC 8259) finds the offset and words the message. A leading
 * byte order mark is skipped, as editors on Windows may write one.
 */
export function parseJson(text: string): JsonParseResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  try {
    return { ok: true, value: JSON.parse(source) as unknown }
  } catch (error) {
    const found = findSyntaxError(source)
    if (found) return { ok: false, error: locate(source, found) }
    // Only nesting deeper than the scanner's stack gets here.
    return {
      ok: false,
      error: { message: (error as Error).message, line: 1, column: 1 },
    }
  }
}

interface SyntaxFault {
  offset: number
  message: string
}

function locate(text: string, { offset, message }: SyntaxFault) {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return { message, line, column }
}

class Fault extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message)
  }
}

/** Returns the first syntax error in `text`, or undefined when it is valid. */
export function findSyntaxError(text: string): SyntaxFault | undefined {
  const scanner = new JsonScanner(text)
  try {
    scanner.document()
    return undefined
  } catch (error) {
    if (error instanceof Fault) {
      return { offset: error.offset, message: error.message }
    }
    if (error instanceof RangeError) return undefined
    throw error
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = '"\\/bfnrt'

class JsonScanner {
  private offset = 0

  constructor(private readonly text: string) {}

  document(): void {
    this.skipSpace()
    if (this.offset === this.text.length) this.fail('the file is empty')
    this.value()
    this.skipSpace()
    if (this.offset < this.text.length) {
      this.fail('unexpected text after the end of the JSON value')
    }
  }

  private value(): void {
    this.skipSpace()
    const char = this.text[this.offset]
    if (char === '{') return this.object()
    if (char === '[') return this.array()
    if (char === '"') return this.string()
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      return this.number()
    }
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.offset)) {
        this.offset += word.length
        return
      }
    }
    this.fail(
      char === undefined
        ? 'unexpected end of the file, where a value was expected'
        : `expected a value, found ${JSON.stringify(char)}`,
    )
  }

  private object(): void {
    this.offset++
    this.skipSpace()
    if (this.text[this.offset] === '}') {
      this.offset++
      return
    }
    for (;;) {
      this.skipSpace()
      if (this.text[this.offset] !== '"') {
        this.fail('expected a property name in double quotes')
      }
      this.string()
      this.skipSpace()
      if (this.text[this.offset] !== ':') {
        this.fail('expected ":" after the property name')
      }
      this.offset++
      this.value()
      if (this.endOfList('}', 'a property')) return
    }
  }

  private array(): void {
    this.offset++
    this.skipSpace()
    if (this.text[this.offset] === ']') {
      this.offset++
      return
    }
    for (;;) {
      this.value()
      if (this.endOfList(']', 'an element')) return
    }
  }

  /** Consumes `,` (returns false) or the closing bracket (returns true). */
  private endOfList(closing: string, item: string): boolean {
    this.skipSpace()
    const char = this.text[this.offset]
    if (char === closing) {
      this.offset++
      return true
    }
    if (char !== ',') {
      this.fail(`expected "," or "${closing}" after ${item}`)
    }
    this.offset++
    this.skipSpace()
    if (this.text[this.offset] === closing) {
      this.fail(`trailing comma before "${closing}": JSON allows none`)
    }
    return false
  }

  private string(): void {
    const start = this.offset
    this.offset++
    for (;;) {
      const char = this.text[this.offset]
      if (char === undefined) {
        this.offset = start
        this.fail('string not closed with a double quote')
      }
      if (char === '"') {
        this.offset++
        return
      }
      if (char === '\\') {
        this.escape()
        continue
      }
      if (char < ' ') {
        this.fail('control character in a string: write it as an escape')
      }
      this.offset++
    }
  }

  private escape(): void {
    const next = this.text[this.offset + 1]
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.hexAfterU())) {
      this.offset += 6
      return
    }
    if (next !== undefined && next !== 'u' && ESCAPES.includes(next)) {
      this.offset += 2
      return
    }
    this.fail('invalid escape in a string')
  }

  private hexAfterU(): string {
    return this.text.slice(this.offset + 2, this.offset + 6)
  }

  private number(): void {
    NUMBER.lastIndex = this.offset
    const match = NUMBER.exec(this.text)
    if (!match || match[0] === '-') this.fail('invalid number')
    this.offset += match[0].length
  }

  private skipSpace(): void {
    while (' \t\n\r'.includes(this.text[this.offset] ?? 'x')) this.offset++
  }

  private fail(message: string): never {
    throw new Fault(this.offset, message)
  }
}
