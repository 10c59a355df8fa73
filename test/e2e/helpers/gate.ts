/**
 * Holds a server response until the test opens the gate. `requested`
 * resolves when the first response starts waiting.
 */
export interface Gate {
  /** Passed as a response delay; waits for `open()` or `maxHoldMs`. */
  hold: () => Promise<void>
  open(): void
  requested: Promise<void>
}

/**
 * Creates a gate that lets responses through on its own after `maxHoldMs`,
 * so a failing test never leaves a request hanging.
 */
export function createGate(maxHoldMs = 10_000): Gate {
  let open: () => void = () => {}
  let markRequested: () => void = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  const requested = new Promise<void>((resolve) => {
    markRequested = resolve
  })

  async function hold(): Promise<void> {
    markRequested()
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxHoldMs)
    })
    await Promise.race([opened, expired])
    clearTimeout(timer)
  }

  return { hold, open, requested }
}

/** Rejects when `promise` takes longer than `timeoutMs`, naming `description`. */
export async function within<T>(
  promise: Promise<T>,
  timeoutMs: number,
  description: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${description}`,
          ),
        ),
      timeoutMs,
    )
  })
  try {
    return await Promise.race([promise, expired])
  } finally {
    clearTimeout(timer)
  }
}
