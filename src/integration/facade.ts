// The per-class files ship without types, so this reference makes every
// program that compiles this module read their declarations, whatever its
// `include`.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./facade-modules.d.ts" />
import type {
  Alias,
  Group,
  Identify,
  Page,
  Screen,
  Track,
} from '@segment/facade'
// One file per class, not the package index: the index also builds Delete
// and a default export of every class, which no bundler can drop from
// CommonJS code.
import { Alias as AliasFacade } from '@segment/facade/dist/alias.js'
import { Group as GroupFacade } from '@segment/facade/dist/group.js'
import { Identify as IdentifyFacade } from '@segment/facade/dist/identify.js'
import { Page as PageFacade } from '@segment/facade/dist/page.js'
import { Screen as ScreenFacade } from '@segment/facade/dist/screen.js'
import { Track as TrackFacade } from '@segment/facade/dist/track.js'
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

/** The facade class of each call type. */
const FACADES = {
  track: TrackFacade,
  page: PageFacade,
  screen: ScreenFacade,
  identify: IdentifyFacade,
  group: GroupFacade,
  alias: AliasFacade,
}

function buildFacade(message: SegmentEvent): AnyFacade {
  return new FACADES[message.type](
    message as unknown as Record<string, unknown>,
  )
}
