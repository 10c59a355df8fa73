// Writes integrations/<slug>/index.ts: a destination made by
// defineIntegration that loads a placeholder vendor script and passes every
// Segment call type to the vendor global that script defines.
import { toSource } from '../source.mjs'
import { FIRST_VERSION } from '../spec.mjs'

export function destinationSource({ names, vendor, options }) {
  const optionsType = `${names.pascal}Options`
  const apiType = `${names.pascal}Api`
  return `import { readGlobal } from '../../src/global-scope'
import { defineIntegration } from '../../src/integration/define'
import type { OptionSchema, OptionsOf } from '../../src/integration/schema'

// TODO: replace with the vendor's script URL. The .example domain is
// reserved, so this placeholder loads only where a test stand-in replaces it.
const SDK_URL = ${toSource(vendor.sdkUrl)}

/** The global the vendor's script defines. */
const VENDOR_GLOBAL = ${toSource(vendor.global)}

// Only apiKey carries its description here, because the error for a missing
// value quotes it. Optional options are described in docs.ts
// (optionDescriptions), which no bundle contains.
const options = ${toSource(options)} as const satisfies OptionSchema

/** Options of the ${names.name} destination. */
export type ${optionsType} = OptionsOf<typeof options>

/** The part of \`window.${vendor.global}\` this destination calls. */
interface ${apiType} {
  init(apiKey: string): void
  track(event: string, properties: Record<string, unknown>): void
  page(name: unknown, properties: Record<string, unknown>): void
  screen(name: unknown, properties: Record<string, unknown>): void
  identify(userId: unknown, traits: Record<string, unknown>): void
  group(groupId: unknown, traits: Record<string, unknown>): void
  alias(userId: unknown, previousId: unknown): void
}

/**
 * ${names.name} destination: loads the vendor's script, then passes each
 * call to \`window.${vendor.global}\`.
 */
export default /*#__PURE__*/ defineIntegration({
  name: ${toSource(names.name)},
  version: ${toSource(FIRST_VERSION)},
  options,

  async load({ options, loadScript }) {
    await loadScript(SDK_URL)
    vendor().init(options.apiKey)
  },

  track(track) {
    vendor().track(track.event(), track.properties())
  },

  page(page, { options }) {
    if (!options.trackPages) return 'not sent: trackPages is off'
    vendor().page(page.fullName(), page.properties())
  },

  screen(screen) {
    vendor().screen(screen.fullName(), screen.properties())
  },

  identify(identify) {
    vendor().identify(identify.userId(), identify.traits())
  },

  group(group) {
    vendor().group(group.groupId(), group.traits())
  },

  alias(alias) {
    vendor().alias(alias.userId(), alias.previousId())
  },
})

/** Returns the vendor's API, or throws when its script did not define it. */
function vendor(): ${apiType} {
  const api = readGlobal<${apiType}>(VENDOR_GLOBAL)
  if (typeof api?.track !== 'function')
    throw new Error(
      \`window.\${VENDOR_GLOBAL} is missing or has no track method: \${SDK_URL} must define it.\`,
    )
  return api
}
`
}
