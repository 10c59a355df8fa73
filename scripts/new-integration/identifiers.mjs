// Chooses the identifiers of a new destination's code: the name its default
// export is imported under, and the vendor global its placeholder SDK
// defines. Each is the camel-case slug unless that would clash.
/**
 * Words that cannot name an import binding in a TypeScript module: the
 * reserved words of ECMAScript's strict mode and the names TypeScript
 * forbids or parses as keywords after `import`.
 */
const RESERVED_WORDS = new Set(
  (
    'await break case catch class const continue debugger default delete do ' +
    'else enum export extends false finally for function if implements ' +
    'import in instanceof interface let new null package private protected ' +
    'public return static super switch this throw true try typeof var void ' +
    'while with yield arguments eval undefined type as from of async ' +
    'declare namespace module abstract readonly satisfies global require ' +
    'any unknown never string number boolean symbol object bigint'
  ).split(' '),
)

/**
 * Window properties of Chromium that happy-dom lacks. A vendor global of one
 * of these names would overwrite the browser's own.
 */
const BROWSER_ONLY_GLOBALS = [
  'status',
  'event',
  'origin',
  'external',
  'chrome',
  'navigation',
  'scheduler',
  'trustedTypes',
  'cookieStore',
  'clientInformation',
]

/** Lists the properties of a browser window and of Node's global scope. */
async function listPageGlobals() {
  // Imported here, so a run that stops at an invalid name does not load it.
  const { Window } = await import('happy-dom')
  const page = new Window()
  const names = new Set(BROWSER_ONLY_GLOBALS)
  for (const scope of [page, globalThis]) {
    for (let object = scope; object; object = Object.getPrototypeOf(object)) {
      for (const name of Object.getOwnPropertyNames(object)) names.add(name)
    }
  }
  await page.happyDOM.close()
  return names
}

/**
 * Returns `{ importName, vendorGlobal }` for the derived names. The import
 * name gets the suffix `Destination` when the camel-case slug is a reserved
 * word or one of `usedNames`, the other identifiers of the generated test.
 * The vendor global gets `Sdk` when a browser window already has a property
 * of that name.
 */
export async function chooseIdentifiers(names, usedNames) {
  const { camel } = names
  const importName =
    RESERVED_WORDS.has(camel) || usedNames.includes(camel)
      ? `${camel}Destination`
      : camel
  const pageGlobals = await listPageGlobals()
  const vendorGlobal = pageGlobals.has(camel) ? `${camel}Sdk` : camel
  return { importName, vendorGlobal }
}
