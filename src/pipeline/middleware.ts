import { isPlainObject } from '../message/merge'
import { copyPayload } from '../message/sanitize'
import type { IntegrationsOptions, SegmentEvent } from '../message/types'

/**
 * The payload middleware receives, shaped like the facade analytics.js
 * passes: `obj` is the message, a copy owned by this middleware run.
 */
export interface MiddlewarePayload {
  obj: SegmentEvent
  type(): string
  event(): string | undefined
}

export type SourceMiddleware = (input: {
  payload: MiddlewarePayload
  integrations: IntegrationsOptions
  next: (payload: MiddlewarePayload | null) => void
}) => unknown

export type DestinationMiddleware = (input: {
  payload: MiddlewarePayload
  integration: string
  next: (payload: MiddlewarePayload | null) => void
}) => unknown

export function toPayload(message: SegmentEvent): MiddlewarePayload {
  const obj = copyPayload(
    message as never,
    'message',
  ) as unknown as SegmentEvent
  return {
    obj,
    type: () => obj.type,
    event: () => obj.event,
  }
}

type Step = (
  payload: MiddlewarePayload,
  next: (payload: MiddlewarePayload | null) => void,
) => unknown

/**
 * Runs a chain of middleware over a copy of the message. Resolves with the
 * resulting message, or null when one of them dropped it (by calling
 * `next(null)` or by throwing). Each step gets a fresh copy, so a step that
 * keeps a reference cannot change what later steps or destinations see.
 */
export async function runChain(
  message: SegmentEvent,
  steps: Step[],
  onError: (error: unknown, index: number) => void,
): Promise<SegmentEvent | null> {
  let current: SegmentEvent | null = message
  for (let index = 0; index < steps.length && current; index++) {
    const payload = toPayload(current)
    current = await new Promise<SegmentEvent | null>((resolve) => {
      // A second call of `next` finds the promise settled and changes nothing.
      const next = (result: MiddlewarePayload | null) =>
        resolve(result && isPlainObject(result.obj) ? result.obj : null)
      const fail = (error: unknown) => {
        onError(error, index)
        next(null)
      }
      try {
        const returned = steps[index]!(payload, next)
        if (returned instanceof Promise) returned.catch(fail)
      } catch (error) {
        fail(error)
      }
    })
  }
  return current
}

/**
 * Returns why a message that middleware passed on cannot be sent, or
 * undefined when it can: the type and messageId must stay as built, and
 * `integrations` must remain an object.
 */
export function checkMiddlewareResult(
  original: SegmentEvent,
  result: SegmentEvent,
): string | undefined {
  if (result.type !== original.type) {
    return `a middleware changed the type from "${original.type}" to ${JSON.stringify(result.type)}`
  }
  if (result.messageId !== original.messageId) {
    return 'a middleware changed the messageId; keep it, since the server de-duplicates on it'
  }
  if (!isPlainObject(result.integrations)) {
    return 'a middleware set integrations to something other than an object'
  }
  return undefined
}
