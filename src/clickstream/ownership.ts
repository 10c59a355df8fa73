import type { Logger } from '../debug'
import { getNavigator, getStorage } from '../global-scope'

/**
 * A lease lapses after this long without renewal. Chrome runs the chained
 * timers of a page hidden for 5 minutes once a minute
 * (https://chromestatus.com/feature/4718288976216064), and a lapsed lease
 * of a live tab lets another tab send its events too. A page that closes
 * gives its lease up at once.
 */
export const LEASE_MS = 90_000

/** How often a page renews its lease and looks for events of closed pages. */
export const CHECK_INTERVAL_MS = 5000

/**
 * How long a page keeps others from claiming after its own claim. Another
 * tab's copy of localStorage learns of a write a moment after it happens,
 * and a claim read from a stale copy would send the events twice.
 */
export const CLAIM_SETTLE_MS = 100

/** A claim in storage blocks other pages at most this long, in case its page dies. */
const CLAIM_TTL_MS = 5000

/**
 * Which page sends which stored events. Each page owns the events it
 * queued and takes over those of pages that are gone. Web Locks tell which
 * pages are alive where the browser has them, because each page holds a
 * lock named after itself until it goes away. Elsewhere a lease in
 * localStorage does.
 */
export interface Ownership {
  /**
   * Runs `take` once this page may take over the events of `owner`, which
   * is undefined for events stored without one. That is at once when the
   * owner is gone, and never while another page takes them. With Web Locks
   * it waits for a live owner to go, and with leases a later check retries.
   */
  claim(owner: string | undefined, take: () => void): void
  /**
   * Gives up this page's lock or lease, so others take its events at once.
   * The caller releases when the page goes away for good, not into the
   * back/forward cache.
   */
  release(): void
  dispose(): void
}

export interface OwnershipOptions {
  logger: Logger
  /** Called every `CHECK_INTERVAL_MS` to look for events of pages that are gone. */
  onCheck(): void
}

function lockName(writeKey: string, owner: string | undefined): string {
  return owner === undefined
    ? `clickstream:${writeKey}:unowned`
    : `clickstream:${writeKey}:owner:${owner}`
}

/** Returns the key of a page's lease, whose value is the epoch milliseconds it lasts until. */
export function leaseKey(writeKey: string, owner: string): string {
  return `clickstream:owner:${writeKey}:${owner}`
}

/** Returns the key of the claim a page writes before it takes over events, with leases. */
export function claimKey(writeKey: string): string {
  return `clickstream:claim:${writeKey}`
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Calls `tick` every `ms` until the returned function is called. */
function repeat(ms: number, tick: () => void): () => void {
  let timer = setTimeout(function run() {
    tick()
    timer = setTimeout(run, ms)
  }, ms)
  return () => clearTimeout(timer)
}

function withLocks(
  id: string,
  writeKey: string,
  locks: LockManager,
  { logger, onCheck }: OwnershipOptions,
): Ownership {
  const waiting = new Set<string>()
  const abort = new AbortController()
  let releaseOwn!: () => void
  const own = new Promise<void>((resolve) => {
    releaseOwn = resolve
  })
  let disposed = false

  const failed = (error: unknown): void => {
    if (!disposed) logger.debug('a Web Locks request failed', error)
  }
  // The lock is held until the page goes away or gives it up.
  locks.request(lockName(writeKey, id), () => own).catch(failed)
  const stopChecks = repeat(CHECK_INTERVAL_MS, onCheck)

  return {
    claim(owner, take) {
      const name = lockName(writeKey, owner)
      if (disposed || owner === id || waiting.has(name)) return
      waiting.add(name)
      locks
        .request(name, { signal: abort.signal }, async () => {
          waiting.delete(name)
          // The owner's last writes reach this tab's copy of storage a
          // moment after its lock was released.
          await delay(CLAIM_SETTLE_MS)
          if (disposed) return
          take()
          await delay(CLAIM_SETTLE_MS)
        })
        .catch((error: unknown) => {
          waiting.delete(name)
          failed(error)
        })
    },

    release: () => releaseOwn(),

    dispose() {
      disposed = true
      stopChecks()
      abort.abort()
      releaseOwn()
    },
  }
}

function withLeases(
  id: string,
  writeKey: string,
  storage: Storage,
  { logger, onCheck }: OwnershipOptions,
): Ownership {
  const ownKey = leaseKey(writeKey, id)
  const leasePrefix = leaseKey(writeKey, '')
  const claimName = claimKey(writeKey)
  const queued = new Map<string | undefined, () => void>()
  let claimTimer: ReturnType<typeof setTimeout> | undefined
  let released = false
  let disposed = false

  /** Runs a storage call. Broken storage leaves the queue in memory, where no lease is needed. */
  function attempt<T>(action: () => T): T | undefined {
    try {
      return action()
    } catch (error) {
      logger.debug('a lease in localStorage failed', error)
      return undefined
    }
  }
  const read = (key: string) => attempt(() => storage.getItem(key))
  const write = (key: string, value: string) =>
    attempt(() => storage.setItem(key, value))
  const remove = (key: string) => attempt(() => storage.removeItem(key))

  function renew(): void {
    if (!released) write(ownKey, String(Date.now() + LEASE_MS))
  }

  /** Tells whether the lease of another page lasts. */
  function leaseAlive(owner: string): boolean {
    return Number(read(leaseKey(writeKey, owner))) > Date.now()
  }

  /**
   * Removes the lapsed leases of other pages. Returns whether the lease of
   * another page lasts.
   */
  function sweepLeases(): boolean {
    const now = Date.now()
    let rivals = false
    attempt(() => {
      // Backwards, so a removal does not shift the keys still to visit.
      for (let index = storage.length - 1; index >= 0; index--) {
        const key = storage.key(index) || ''
        if (!key.startsWith(leasePrefix) || key === ownKey) continue
        if (Number(storage.getItem(key)) > now) rivals = true
        else storage.removeItem(key)
      }
    })
    return rivals
  }

  /** Returns the page named in the claim key while its claim lasts. */
  function claimant(): string | undefined {
    const [owner, until] = (read(claimName) || '').split(' ')
    return Number(until) > Date.now() ? owner : undefined
  }

  /**
   * Writes this page's claim, and takes the queued events only if the claim
   * is still this page's a moment later, when a rival's write would show.
   */
  function startClaim(): void {
    const rival = claimant()
    if (rival !== undefined && rival !== id) {
      queued.clear()
      return
    }
    write(claimName, `${id} ${Date.now() + CLAIM_TTL_MS}`)
    claimTimer = setTimeout(() => {
      claimTimer = undefined
      if (!disposed && claimant() === id) {
        for (const [owner, take] of queued) {
          if (owner === undefined || !leaseAlive(owner)) take()
        }
        claimTimer = setTimeout(() => {
          claimTimer = undefined
          if (claimant() === id) remove(claimName)
        }, CLAIM_SETTLE_MS)
      }
      queued.clear()
    }, CLAIM_SETTLE_MS)
  }

  renew()
  const stopChecks = repeat(CHECK_INTERVAL_MS, () => {
    renew()
    sweepLeases()
    onCheck()
  })

  const release = (): void => {
    released = true
    remove(ownKey)
  }

  return {
    claim(owner, take) {
      if (disposed || owner === id) return
      if (owner !== undefined && leaseAlive(owner)) return
      // With no other live page, no other claim can happen at the same time.
      if (!sweepLeases() && claimant() === undefined) {
        take()
        return
      }
      queued.set(owner, take)
      if (claimTimer === undefined) startClaim()
    },

    release,

    dispose() {
      disposed = true
      stopChecks()
      clearTimeout(claimTimer)
      queued.clear()
      release()
    },
  }
}

/**
 * Creates this page's ownership of stored events. `persistent` is false
 * when the queue lives in memory, where there is nothing to share, and
 * every claim is then taken at once.
 */
export function createOwnership(
  writeKey: string,
  id: string,
  persistent: boolean,
  options: OwnershipOptions,
): Ownership {
  const storage = persistent ? getStorage() : undefined
  const navigator = getNavigator()
  const locks = navigator && navigator.locks
  if (!storage) {
    const ignore = (): void => undefined
    return { claim: (_owner, take) => take(), release: ignore, dispose: ignore }
  }
  return locks && typeof locks.request === 'function'
    ? withLocks(id, writeKey, locks, options)
    : withLeases(id, writeKey, storage, options)
}
