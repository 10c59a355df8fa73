// Exit statuses of the `clickstream` command and the error that carries one.

/** The settings are valid, or migrated with nothing left to do by hand. */
export const EXIT_OK = 0
/** The settings have problems, or the migrated settings need changes by hand. */
export const EXIT_PROBLEMS = 1
/** The command could not run: wrong arguments, an unreadable file, no build. */
export const EXIT_USAGE = 2

/** An error whose message goes to stderr as is, with the exit status given. */
export class CommandError extends Error {
  constructor(message, exitCode) {
    super(message)
    this.exitCode = exitCode
  }
}
