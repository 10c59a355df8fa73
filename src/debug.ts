import { getConsole, getStorage } from './global-scope'

const NAMESPACE = 'clickstream'
const SESSION_KEY = 'clickstream:debug'

let enabled: boolean | undefined
const reportedCauses = new Set<string>()

/** Reads the debug switch, persisted for the tab in sessionStorage. */
export function isDebugEnabled(): boolean {
  if (enabled === undefined) {
    try {
      enabled = getStorage('sessionStorage')?.getItem(SESSION_KEY) === 'true'
    } catch {
      enabled = false
    }
  }
  return enabled
}

export function setDebugEnabled(on: boolean): void {
  enabled = on
  try {
    const storage = getStorage('sessionStorage')
    if (on) storage?.setItem(SESSION_KEY, 'true')
    else storage?.removeItem(SESSION_KEY)
  } catch {
    // The switch still holds for this page when sessionStorage is unavailable.
  }
}

export interface Logger {
  debug(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  /** Prints in any mode, once per cause: for misuse the site owner must see. */
  misuse(cause: string, message: string, ...details: unknown[]): void
  child(name: string): Logger
}

function prefix(scope: string): string {
  return scope ? `[${NAMESPACE}:${scope}]` : `[${NAMESPACE}]`
}

export function createLogger(scope = ''): Logger {
  return {
    debug(message, ...details) {
      if (isDebugEnabled())
        getConsole()?.log(prefix(scope), message, ...details)
    },
    warn(message, ...details) {
      if (isDebugEnabled())
        getConsole()?.warn(prefix(scope), message, ...details)
    },
    misuse(cause, message, ...details) {
      if (reportedCauses.has(cause)) {
        if (isDebugEnabled())
          getConsole()?.warn(prefix(scope), message, ...details)
        return
      }
      reportedCauses.add(cause)
      getConsole()?.error(prefix(scope), message, ...details)
    },
    child(name) {
      return createLogger(scope ? `${scope}:${name}` : name)
    },
  }
}

export const logger = createLogger()

/** Forgets which misuse causes were reported; tests call it between cases. */
export function resetReportedCauses(): void {
  reportedCauses.clear()
}

/** The record of one call, printed as one collapsed group in debug mode. */
export interface DebugRecord {
  method: string
  args: unknown[]
  message?: unknown
  steps: string[]
  destinations: Record<string, string>
}

export function createDebugRecord(
  method: string,
  args: unknown[],
): DebugRecord {
  return { method, args, steps: [], destinations: {} }
}

export function printDebugRecord(record: DebugRecord): void {
  const out = getConsole()
  if (!out || !isDebugEnabled()) return

  const label =
    record.message && typeof record.message === 'object'
      ? describeMessage(record.message as Record<string, unknown>)
      : ''
  const open = out.groupCollapsed ?? out.log
  open.call(out, `${prefix('')} ${record.method}(${label})`)
  out.log('arguments', record.args)
  if (record.message) out.log('message', record.message)
  for (const step of record.steps) out.log(step)
  const rows = Object.entries(record.destinations)
  if (rows.length > 0) {
    const table = rows.map(([destination, outcome]) => ({
      destination,
      outcome,
    }))
    if (out.table) out.table(table)
    else out.log('destinations', record.destinations)
  }
  out.groupEnd?.()
}

function describeMessage(message: Record<string, unknown>): string {
  const field: Record<string, string> = {
    track: 'event',
    page: 'name',
    screen: 'name',
    identify: 'userId',
    group: 'groupId',
    alias: 'userId',
  }
  const name = message[field[String(message.type)] ?? 'event']
  return typeof name === 'string' ? JSON.stringify(name) : ''
}
