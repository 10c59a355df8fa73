import { Alias, Group, Identify, Page, Screen, Track } from '@segment/facade'
import type { SegmentEvent } from '../message/types'

export type AnyFacade = Track | Page | Screen | Identify | Group | Alias

const cache = new WeakMap<SegmentEvent, AnyFacade>()

/**
 * Returns the facade of a message, built on first use and shared by every
 * destination that receives the same message object. The facade clones the
 * message, so its date parsing never alters what the endpoint sends.
 */
export function facadeOf(message: SegmentEvent): AnyFacade {
  let facade = cache.get(message)
  if (!facade) {
    facade = buildFacade(message)
    cache.set(message, facade)
  }
  return facade
}

function buildFacade(message: SegmentEvent): AnyFacade {
  const raw = message as unknown as Record<string, unknown>
  switch (message.type) {
    case 'track':
      return new Track(raw)
    case 'page':
      return new Page(raw)
    case 'screen':
      return new Screen(raw)
    case 'identify':
      return new Identify(raw)
    case 'group':
      return new Group(raw)
    case 'alias':
      return new Alias(raw)
  }
}
