/** Drops every character but letters, digits and dots, then lower-cases. */
function normalize(path: string): string {
  return path.replace(/[^a-zA-Z0-9.]+/g, '').toLowerCase()
}

/**
 * Stands in for the default export of `obj-case` (0.2.1) in script-tag
 * bundles, where only @segment/facade requires it, always with an object
 * and a path. It reads a dotted path whose keys match in any case and with
 * any punctuation, so `properties.order_id` finds `orderId`. At each level
 * the first enumerable key, in `for...in` order, whose normalized form
 * starts the rest of the path wins, so a key containing a dot such as
 * `"a.b"` can match two steps at once. Returns undefined when no key
 * matches, and the last matched value otherwise (null or undefined when
 * the path ends early on one).
 */
export default function findByPath(object: unknown, path: string): unknown {
  let rest = normalize(path)
  // `for...in` over a primitive walks its indices, as the package does.
  let node = object as Record<string, unknown>
  for (;;) {
    let match: string | undefined
    for (const key in node) {
      const normalized = normalize(key)
      const after = rest.slice(normalized.length)
      if (rest.startsWith(normalized) && (after === '' || after[0] === '.')) {
        match = key
        rest = after.slice(1)
        break
      }
    }
    // The package also treats the key "" as no match.
    if (!match) return undefined

    const child = node[match]
    if (child === null || child === undefined || rest === '') {
      // The package calls the method the same way, so a data key named
      // `hasOwnProperty` breaks both alike.
      // eslint-disable-next-line no-prototype-builtins
      return node.hasOwnProperty(match) ? child : undefined
    }
    node = child as Record<string, unknown>
  }
}
