import type { OptionMigration } from './migrations'
import type { OptionSchema } from './schema'

/**
 * The fields of a destination that settings tools read, as a factory made
 * by `defineIntegration` carries them.
 */
export interface DestinationInfo {
  readonly integrationName: string
  readonly aliases: readonly string[]
  readonly schema: OptionSchema
  readonly migrations?: readonly OptionMigration[]
  readonly replacedBy?: string
}

/** Finds the destination a settings name turns on: its name or an alias, exactly. */
export function findDestination(
  destinations: readonly DestinationInfo[],
  name: string,
): DestinationInfo | undefined {
  return destinations.find(
    (destination) =>
      destination.integrationName === name ||
      destination.aliases.includes(name),
  )
}

/** Returns the names that select a destination, catalogue name first. */
export function namesOf(destination: DestinationInfo): string[] {
  return [destination.integrationName, ...destination.aliases]
}

/** Returns the path of a settings entry, e.g. `integrations["Google Tag Manager"]`. */
export function entryPath(name: string): string {
  return `integrations[${JSON.stringify(name)}]`
}

/** Returns the path of an option inside an entry, e.g. `….containerId`. */
export function optionPath(name: string, option: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(option)
    ? `${entryPath(name)}.${option}`
    : `${entryPath(name)}[${JSON.stringify(option)}]`
}
