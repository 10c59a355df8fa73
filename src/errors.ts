/** Returns an error's message, or the thrown value as a string. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Raised or reported when a public method receives an argument it cannot use. */
export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError'
}

/** Raised or reported when settings or load options are malformed. */
export class InvalidSettingsError extends Error {
  override name = 'InvalidSettingsError'
}

/** Reported when a destination fails to load or throws while handling a call. */
export class DestinationError extends Error {
  override name = 'DestinationError'
  constructor(
    readonly destination: string,
    message: string,
    readonly cause?: unknown,
  ) {
    super(
      message.startsWith(`${destination}:`)
        ? message
        : `${destination}: ${message}`,
    )
  }
}

/** Reason codes carried by the `dropped` event. */
export type DropReason =
  | 'invalid_argument'
  | 'event_too_large'
  | 'rejected'
  | 'retries_exhausted'
  | 'storage_full'
  | 'middleware'
  | 'buffer_full'
  | 'page_closed'
  | 'disabled'
  | 'destination_failed'
  | 'destination_error'
