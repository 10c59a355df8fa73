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

function toList(elements: ElementsInput, method: string): Element[] {
  if (!elements) return []
  if (typeof (elements as Element).addEventListener === 'function')
    return [elements as Element]
  if (typeof (elements as ArrayLike<Element>).length === 'number') {
    return Array.from(elements as ArrayLike<Element>).filter(
      (element) => element && typeof element.addEventListener === 'function',
    )
  }
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
 * Tracks clicks on links. A link that opens in the same tab navigates after
 * `delay` ms, so the event has time to leave; modified clicks are left alone.
 */
export function trackLink(
  analytics: Tracker,
  elements: ElementsInput,
  event: EventOrBuilder,
  properties: PropertiesOrBuilder | undefined,
  delay: number,
): void {
  for (const element of toList(elements, 'trackLink')) {
    element.addEventListener('click', (click) => {
      analytics.track(
        evaluate(event, element),
        evaluate(properties ?? {}, element),
      )

      const href =
        element.getAttribute('href') ?? element.getAttribute('xlink:href')
      const mouse = click as MouseEvent
      const newTab =
        element.getAttribute('target') === '_blank' ||
        mouse.metaKey ||
        mouse.ctrlKey ||
        mouse.shiftKey ||
        mouse.button === 1
      if (!href || newTab || href.startsWith('#') || click.defaultPrevented)
        return

      click.preventDefault()
      setTimeout(() => {
        const location = getLocation()
        if (location) location.href = href
      }, delay)
    })
  }
}

/** Tracks form submits, then submits the form after `delay` ms. */
export function trackForm(
  analytics: Tracker,
  elements: ElementsInput,
  event: EventOrBuilder,
  properties: PropertiesOrBuilder | undefined,
  delay: number,
): void {
  for (const element of toList(elements, 'trackForm')) {
    element.addEventListener('submit', (submit) => {
      analytics.track(
        evaluate(event, element),
        evaluate(properties ?? {}, element),
      )
      if (submit.defaultPrevented) return

      submit.preventDefault()
      setTimeout(() => (element as HTMLFormElement).submit(), delay)
    })
  }
}
