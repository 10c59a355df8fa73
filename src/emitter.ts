import { logger } from './debug'

type Listener<Args extends unknown[]> = (...args: Args) => void
type AnyListener = (...args: unknown[]) => void

/**
 * A small typed emitter. A listener that throws is reported through the
 * logger and never stops the other listeners or the caller. `on`, `once`
 * and `off` return the emitter, so a subclass such as Analytics can chain.
 */
export class Emitter<Events extends { [K in keyof Events]: unknown[] }> {
  private listeners = new Map<keyof Events, AnyListener[]>()

  /** Links a `once` listener to its wrapper, so `off(name, listener)` finds it. */
  private onceWrappers = new WeakMap<object, AnyListener>()

  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): this {
    const list = this.listeners.get(name) ?? []
    list.push(listener as AnyListener)
    this.listeners.set(name, list)
    return this
  }

  once<K extends keyof Events>(name: K, listener: Listener<Events[K]>): this {
    const wrapper = (...args: Events[K]) => {
      this.off(name, wrapper)
      listener(...args)
    }
    this.onceWrappers.set(listener, wrapper as AnyListener)
    return this.on(name, wrapper)
  }

  /** Removes one listener, or every listener of `name` when none is given. */
  off<K extends keyof Events>(name: K, listener?: Listener<Events[K]>): this {
    const list = this.listeners.get(name)
    if (!listener) this.listeners.delete(name)
    else if (list) {
      for (const candidate of [listener, this.onceWrappers.get(listener)]) {
        const at = list.indexOf(candidate as AnyListener)
        if (at !== -1) list.splice(at, 1)
      }
    }
    return this
  }

  emit<K extends keyof Events>(name: K, ...args: Events[K]): void {
    const list = this.listeners.get(name)
    if (!list?.length) return

    for (const listener of list.slice()) {
      try {
        listener(...args)
      } catch (error) {
        logger.misuse(
          `listener:${String(name)}`,
          `A listener of the "${String(name)}" event threw; the other listeners still ran.`,
          error,
        )
      }
    }
  }
}
