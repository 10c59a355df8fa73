/** The library name and version sent in `context.library`. */
export const LIBRARY_NAME = 'clickstream-analytics'
export const LIBRARY_VERSION = '0.1.0'
