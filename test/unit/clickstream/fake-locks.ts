/** One request of a lock: granted at once when the name is free, else queued. */
interface Request {
  name: string
  grant: () => void
}

/**
 * An in-memory stand-in for the Web Locks API (`navigator.locks`) with the
 * parts the SDK uses: exclusive `request` with an optional `signal`, and
 * `query`. happy-dom has no LockManager.
 */
export class FakeLocks {
  private heldLocks = new Set<string>()
  private queue: Request[] = []

  request(
    name: string,
    optionsOrCallback: LockOptions | LockGrantedCallback<unknown>,
    maybeCallback?: LockGrantedCallback<unknown>,
  ): Promise<unknown> {
    const callback =
      typeof optionsOrCallback === 'function'
        ? optionsOrCallback
        : maybeCallback
    const options =
      typeof optionsOrCallback === 'function' ? {} : optionsOrCallback
    return new Promise((resolve, reject) => {
      const request: Request = {
        name,
        grant: () => {
          this.heldLocks.add(name)
          Promise.resolve()
            .then(() => callback?.({ name, mode: 'exclusive' } as Lock))
            .then(resolve, reject)
            .finally(() => this.release(name))
        },
      }
      options.signal?.addEventListener('abort', () => {
        if (!this.queue.includes(request)) return
        this.queue = this.queue.filter((queued) => queued !== request)
        reject(new DOMException('The request was aborted.', 'AbortError'))
      })
      if (this.heldLocks.has(name)) this.queue.push(request)
      else request.grant()
    })
  }

  query(): Promise<LockManagerSnapshot> {
    return Promise.resolve({
      held: this.heldNames().map((name) => ({ name, mode: 'exclusive' })),
      pending: this.waitingNames().map((name) => ({ name, mode: 'exclusive' })),
    })
  }

  heldNames(): string[] {
    return [...this.heldLocks]
  }

  waitingNames(): string[] {
    return this.queue.map((request) => request.name)
  }

  private release(name: string): void {
    this.heldLocks.delete(name)
    const next = this.queue.find((request) => request.name === name)
    if (!next) return
    this.queue = this.queue.filter((request) => request !== next)
    next.grant()
  }
}
