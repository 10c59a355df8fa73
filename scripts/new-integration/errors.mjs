// Exit statuses of `npm run new-integration` and the error that carries one.

/** Something other than the arguments failed, such as reading a file. */
export const EXIT_FAILURE = 1
/** The arguments or the name are invalid, or the name is taken. */
export const EXIT_USAGE = 2

/** An error whose message goes to stderr as is, with the exit status given. */
export class ScaffoldError extends Error {
  constructor(message, exitCode = EXIT_USAGE) {
    super(message)
    this.name = 'ScaffoldError'
    this.exitCode = exitCode
  }
}
