import { getConsole, getStorage } from './global-scope'
import type { SegmentEvent } from './message/types'

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

type Level = 'log' | 'warn' | 'error'

export function createLogger(scope = ''): Logger {
  const prefix = scope ? `[${NAMESPACE}:${scope}]` : `[${NAMESPACE}]`
  const print = (level: Level, message: string, details: unknown[]) =>
    getConsole()?.[level](prefix, message, ...details)
  const debugOnly =
    (level: Level) =>
    (message: string, ...details: unknown[]) => {
      if (isDebugEnabled()) print(level, message, details)
    }
  return {
    debug: debugOnly('log'),
    warn: debugOnly('warn'),
    misuse(cause, message, ...details) {
      const first = !reportedCauses.has(cause)
      reportedCauses.add(cause)
      // Repeats of a reported cause are warnings, and only in debug mode.
      if (first) print('error', message, details)
      else if (isDebugEnabled()) print('warn', message, details)
    },
    child: (name) => createLogger(scope ? `${scope}:${name}` : name),
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
  message?: SegmentEvent
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

  const { message, destinations } = record
  ;(out.groupCollapsed ?? out.log).call(
    out,
    `[${NAMESPACE}] ${record.method}(${message ? labelOf(message) : ''})`,
  )
  out.log('arguments', record.args)
  if (message) out.log('message', message)
  for (const step of record.steps) out.log(step)
  const rows = Object.entries(destinations)
  if (rows.length > 0) {
    if (out.table) {
      out.table(
        rows.map(([destination, outcome]) => ({ destination, outcome })),
      )
    } else out.log('destinations', destinations)
  }
  out.groupEnd?.()
}

/** Returns the field that names a message in its record's title, quoted. */
function labelOf(message: SegmentEvent): string {
  const { type } = message
  const name =
    type === 'track'
      ? message.event
      : type === 'group'
        ? message.groupId
        : type === 'identify' || type === 'alias'
          ? message.userId
          : message.name
  return typeof name === 'string' ? JSON.stringify(name) : ''
}
