import { createLogger } from '../debug'

/** The logger of the identity modules. */
export const logger = createLogger('identity')
