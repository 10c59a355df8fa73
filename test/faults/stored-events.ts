import type { BrowserContext } from 'playwright-core'

/**
 * Lists the clickstream records in the localStorage of the context's first
 * open page, each with its size and the driver's events in it per tab,
 * e.g. `clickstream:stub:key:token 50875 B (t1 250)`, and each lease with
 * the seconds it has left. For missing events, the list shows whether
 * they wait under a key that no page takes or are gone.
 */
export async function describeStoredEvents(
  context: BrowserContext,
): Promise<string[]> {
  const [page] = context.pages()
  if (!page) return []
  return page.evaluate(() => {
    const lines: string[] = []
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index) ?? ''
      if (!key.startsWith('clickstream:')) continue
      const raw = localStorage.getItem(key) ?? ''
      let parsed: unknown
      try {
        parsed = JSON.parse(raw)
      } catch {
        parsed = undefined
      }
      if (typeof parsed === 'number') {
        const seconds = Math.round((parsed - Date.now()) / 1000)
        lines.push(`${key} ${raw.length} B (${seconds} s left)`)
        continue
      }
      // Track properties are in a queue record's event, in a journal's
      // messages, or third in a call that the keeper stored.
      const record = (parsed ?? {}) as {
        calls?: unknown[][]
        messages?: Array<{ properties?: { tab?: unknown } }>
      }
      const properties = Array.isArray(parsed)
        ? parsed.map((item) => item?.event?.properties)
        : (record.messages?.map((message) => message.properties) ??
          record.calls?.map((call) => call[2]) ??
          [])
      const tabs = new Map<string, number>()
      for (const value of properties) {
        const tab = (value as { tab?: unknown } | undefined)?.tab
        if (typeof tab === 'string') tabs.set(tab, (tabs.get(tab) ?? 0) + 1)
      }
      const counts = [...tabs].map(([tab, count]) => `${tab} ${count}`)
      lines.push(`${key} ${raw.length} B (${counts.join(', ') || 'no events'})`)
    }
    return lines
  })
}
