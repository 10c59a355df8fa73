import type { Logger } from './debug'

type Listener<Args extends unknown[]> = (...args: Args) => void

/**
 * A small typed emitter. A listener that throws is reported through the
 * logger and never stops the other listeners or the caller.
 */
export class Emitter<Events extends { [K in keyof Events]: unknown[] }> {
  private listeners = new Map<
    keyof Events,
    Array<Listener<Events[keyof Events]>>
  >()

  private onceWrappers = new WeakMap<object, object>()

  constructor(private readonly log: Logger) {}

  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): void {
    const list = this.listeners.get(name) ?? []
    list.push(listener as unknown as Listener<Events[keyof Events]>)
    this.listeners.set(name, list)
  }

  once<K extends keyof Events>(name: K, listener: Listener<Events[K]>): void {
    const wrapper: Listener<Events[K]> = (...args) => {
      this.off(name, wrapper)
      listener(...args)
    }
    // `off(name, listener)` finds the wrapper through this link.
    this.onceWrappers.set(listener as never, wrapper as never)
    this.on(name, wrapper)
  }

  /** Removes one listener, or every listener of `name` when none is given. */
  off<K extends keyof Events>(name: K, listener?: Listener<Events[K]>): void {
    if (!listener) {
      this.listeners.delete(name)
      return
    }
    const list = this.listeners.get(name)
    if (!list) return
    const wrapper = this.onceWrappers.get(listener as never)
    for (const candidate of [listener, wrapper]) {
      const at = list.indexOf(
        candidate as unknown as Listener<Events[keyof Events]>,
      )
      if (at !== -1) list.splice(at, 1)
    }
  }

  emit<K extends keyof Events>(name: K, ...args: Events[K]): void {
    const list = this.listeners.get(name)
    if (!list || list.length === 0) return

    for (const listener of list.slice()) {
      try {
        ;(listener as unknown as Listener<Events[K]>)(...args)
      } catch (error) {
        this.log.misuse(
          `listener:${String(name)}`,
          `A listener of the "${String(name)}" event threw; the other listeners still ran.`,
          error,
        )
      }
    }
  }
}
