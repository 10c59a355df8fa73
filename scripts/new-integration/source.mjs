// Writes JavaScript values as TypeScript source, for the generated files.
// Prettier formats the result, so the layout here does not matter.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/**
 * Returns `value` as a TypeScript expression. Strings are JSON string
 * literals, so a display name with quotes or backslashes stays one literal.
 */
export function toSource(value) {
  if (Array.isArray(value)) return `[${value.map(toSource).join(', ')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) =>
        `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${toSource(item)}`,
    )
    return `{ ${entries.join(', ')} }`
  }
  return JSON.stringify(value)
}
