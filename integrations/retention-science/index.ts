import { readGlobal, writeGlobal } from '../../src/global-scope'
import {
  defineIntegration,
  type CallContext,
} from '../../src/integration/define'
import type { OptionSchema, OptionsOf } from '../../src/integration/schema'
import type { SegmentEvent } from '../../src/message/types'
import {
  pageCommands,
  trackCommands,
  type Command,
  type Visitor,
} from './commands'

/** Retention Science's "waves" script, as its own snippet loads it. */
const WAVES_SCRIPT = 'https://d1stxfv94hrhia.cloudfront.net/waves/v2/w.js'
const QUEUE = '_rsq'

// The option descriptions are in docs.ts, which no bundle contains.
const options = {
  siteId: {
    type: 'string',
    pattern: '^[A-Za-z0-9_-]+$',
    example: '12345',
    default: '',
  },
  enableOnSite: { type: 'boolean', default: false },
  customMappings: { type: 'mapping', default: [] },
  reservedMappings: { type: 'mapping', default: [] },
} as const satisfies OptionSchema

export type RetentionScienceOptions = OptionsOf<typeof options>

type Call = CallContext<RetentionScienceOptions>
type Queue = { push(...commands: Command[]): unknown }

/**
 * Retention Science destination. Each page and track call becomes a burst of
 * `_rsq` commands that ends in `_track`. Identify calls send nothing, but
 * their email goes with the calls after them.
 */
export default /*#__PURE__*/ defineIntegration({
  name: 'Retention Science',
  options,

  async load({ loadScript }) {
    // The vendor snippet's queue: commands pushed before w.js runs wait in it.
    if (!readGlobal(QUEUE)) writeGlobal(QUEUE, [])
    await loadScript(WAVES_SCRIPT)
  },

  isLoaded: () => Boolean(readGlobal(QUEUE)),

  identify(identify, { state, message }) {
    const key = visitorKey(message)
    const previousEmail = state.visitor === key ? state.email : undefined
    state.visitor = key
    state.email = identify.email() ?? previousEmail
  },

  page(_page, call) {
    send(pageCommands(call.options, visitor(call)))
  },

  track(track, call) {
    send(trackCommands(track, call.options, visitor(call)))
  },
})

/** Returns the key that ties a remembered email to one user: user ID, else anonymous ID. */
function visitorKey(message: SegmentEvent): string {
  return message.userId
    ? `user:${message.userId}`
    : `anon:${message.anonymousId}`
}

/**
 * Returns the call's user ID, and the email of the last identify for the same
 * user, else the call's `context.traits.email`.
 */
function visitor({ state, message }: Call): Visitor {
  const remembered =
    state.visitor === visitorKey(message) ? state.email : undefined
  return {
    userId: message.userId,
    email: remembered ?? message.context?.traits?.email,
  }
}

function send(commands: Command[]): void {
  const queue = readGlobal<Queue>(QUEUE)
  if (typeof queue?.push !== 'function')
    throw new Error(
      `window.${QUEUE} is missing or has no push method: the page must not remove or replace it.`,
    )
  for (const command of commands) queue.push(command)
}
