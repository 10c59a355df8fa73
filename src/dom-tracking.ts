import { createLogger } from './debug'
import { getLocation } from './global-scope'
import type { JSONObject } from './message/types'

export type ElementsInput = Element | ArrayLike<Element> | null | undefined
export type EventOrBuilder = string | ((element: Element) => string)
export type PropertiesOrBuilder =
  JSONObject | ((element: Element) => JSONObject)

interface Tracker {
  track(event: unknown, properties?: unknown): unknown
}

const log = createLogger('dom')

function isElement(value: unknown): value is Element {
  return typeof (value as Element | null)?.addEventListener === 'function'
}

function toList(elements: ElementsInput, method: string): Element[] {
  if (!elements) return []
  if (isElement(elements)) return [elements]
  if (typeof elements.length === 'number')
    return Array.from(elements).filter(isElement)
  log.misuse(
    `${method}-elements`,
    `analytics.${method}: expected an element or a list of elements.`,
  )
  return []
}

function evaluate<T>(
  value: T | ((element: Element) => T),
  element: Element,
): T {
  return typeof value === 'function'
    ? (value as (element: Element) => T)(element)
    : value
}

/**
 * Tracks clicks on links (`trackLink`) or form submits (`trackForm`). The
 * default action follows after `delay` ms, so the event has time to leave:
 * a link opening in the same tab navigates, a form submits. Modified clicks,
 * new-tab links, `#` links and events a page handler already prevented are
 * left alone.
 */
export function trackElements(
  analytics: Tracker,
  type: 'click' | 'submit',
  elements: ElementsInput,
  event: EventOrBuilder,
  properties: PropertiesOrBuilder | undefined,
  delay: number,
): void {
  const method = type === 'click' ? 'trackLink' : 'trackForm'
  for (const element of toList(elements, method)) {
    element.addEventListener(type, (domEvent) => {
      analytics.track(
        evaluate(event, element),
        evaluate(properties ?? {}, element),
      )
      if (domEvent.defaultPrevented) return

      let follow = () => (element as HTMLFormElement).submit()
      if (type === 'click') {
        const href =
          element.getAttribute('href') ?? element.getAttribute('xlink:href')
        const mouse = domEvent as MouseEvent
        const newTab =
          element.getAttribute('target') === '_blank' ||
          mouse.metaKey ||
          mouse.ctrlKey ||
          mouse.shiftKey ||
          mouse.button === 1
        if (!href || newTab || href.startsWith('#')) return
        follow = () => {
          const location = getLocation()
          if (location) location.href = href
        }
      }
      domEvent.preventDefault()
      setTimeout(follow, delay)
    })
  }
}
