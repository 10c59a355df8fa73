/** Helpers for the same-origin test routes that karma serves (test/karma/test-server.cjs). */

export interface Received {
  path: string
  body: Record<string, unknown>
}

/** Endpoint settings that send to the test collector on this origin. */
export function collectorSettings(extra: Record<string, unknown> = {}) {
  return {
    'Segment.io': {
      apiHost: `${location.host}/__test__/v1`,
      protocol: 'http',
      ...extra,
    },
  }
}

export async function receivedMessages(writeKey: string): Promise<Received[]> {
  const response = await fetch(
    `/__test__/messages?writeKey=${encodeURIComponent(writeKey)}`,
  )
  return (await response.json()) as Received[]
}

/** Polls `read` until `done` holds, for at most `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline)
      throw new Error(
        `condition not met within ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 300)}`,
      )
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
