/**
 * The reference of one destination that its option schema cannot give:
 * what each Segment call becomes, which event names it maps on its own, and
 * the option descriptions the schema leaves out.
 * Each integrations/<slug>/docs.ts default-exports one. The destination's
 * index.ts never imports it, so it ships in no bundle: scripts/docs.mjs
 * renders it into the README and the build copies `mappedEvents` into
 * dist/integrations.json.
 */
export interface IntegrationDocs {
  /** Heading of the mapping table's vendor column, e.g. "fbq call". */
  vendorCallHeading: string
  /** Rows of the README's mapping table, in order. Cells are Markdown. */
  mappings: MappingRow[]
  /**
   * Segment events the destination maps to a fixed vendor event without any
   * option, such as Order Completed to Facebook's Purchase. Empty when every
   * mapping comes from the settings.
   */
  mappedEvents: MappedEvent[]
  /**
   * Descriptions of the options whose schema entry has none, by option
   * name, so that text ships in no bundle. The README, the manifest and the
   * JSON Schema read them as if the schema carried them.
   */
  optionDescriptions?: Record<string, string>
}

export interface MappingRow {
  /** The Segment call and the case, e.g. "`page()` with a name". */
  segmentCall: string
  /** The vendor call the destination makes for it, or "nothing". */
  vendorCall: string
}

export interface MappedEvent {
  /** The event's name in Segment's spec, e.g. "Order Completed". */
  event: string
  /** Older spec names that map the same way, e.g. "Completed Order". */
  olderNames?: string[]
  /** The vendor event, action or command the event becomes. */
  vendorEvent: string
}
