// Turns the samples of a run into the figures the tables print and the
// budgets read: medians over the rounds, ratios, and totals of drops.
import { SDKS, SHAPES, caseId } from './dispatch.mjs'
import { addCounts, median, medianOf } from './stats.mjs'

/** Drop reasons that fail a run: events lost to a full queue, not to the collector. */
export const STORAGE_DROP_REASONS = ['storage_full', 'buffer_full']

/** Returns the summary of `samples` (case id to samples), as run with `options`. */
export function summarize(
  { samples, memory, startup, backlog = [], sizes },
  options,
) {
  const of = (item) => samples[caseId(item)] ?? []
  const floorUs = medianOf(
    of({
      sdk: 'floor',
      method: 'track',
      destinations: 5,
      calls: options.calls,
    }),
    'burstUs',
  )

  const own = SHAPES.map((shape) => {
    const list = of({ sdk: 'clickstream', ...shape, calls: options.calls })
    const burstUs = medianOf(list, 'burstUs')
    return {
      ...shape,
      calls: options.calls,
      burstUs,
      syncUs: medianOf(list, 'syncUs'),
      perFloor: burstUs / floorUs,
      drops: sumDrops(list),
    }
  })

  const sideBySide = SHAPES.map((shape) => {
    const bySdk = {}
    let rounds = 0
    for (const sdk of SDKS) {
      const list = of({ sdk, ...shape, calls: options.peerCalls })
      rounds = list.length
      bySdk[sdk] = {
        burstUs: medianOf(list, 'burstUs'),
        syncUs: medianOf(list, 'syncUs'),
      }
    }
    return {
      ...shape,
      calls: options.peerCalls,
      rounds,
      bySdk,
      perAnalyticsNext:
        bySdk.clickstream.burstUs / bySdk['analytics-next'].burstUs,
    }
  })

  const settledCases = [
    ...SDKS.map((sdk) => ({ sdk, calls: options.peerCalls })),
    { sdk: 'clickstream', calls: options.calls },
    { sdk: 'clickstream', calls: options.scaleCalls },
  ]
  const delivery = settledCases.map(({ sdk, calls }) => {
    const list = of({ sdk, method: 'track', destinations: 5, calls }).filter(
      (item) => item.delivery,
    )
    return {
      sdk,
      calls,
      rounds: list.length,
      mainThreadUs: medianOf(list, 'mainThreadUs'),
      eventsPerSecond: median(
        list.map((item) => item.delivery.eventsPerSecond),
      ),
      requestsPer1000: median(
        list.map((item) => item.delivery.requestsPer1000),
      ),
      deliveredEvents: median(list.map((item) => item.delivery.events)),
      drops: sumDrops(list),
      settled: list.length > 0 && list.every((item) => item.settled),
    }
  })

  const scale = [options.peerCalls, options.calls, options.scaleCalls].map(
    (calls) => {
      const list = of({
        sdk: 'clickstream',
        method: 'track',
        destinations: 5,
        calls,
      })
      return {
        calls,
        rounds: list.length,
        burstUs: medianOf(list, 'burstUs'),
        syncUs: medianOf(list, 'syncUs'),
        mainThreadUs: medianOf(list, 'mainThreadUs'),
      }
    },
  )

  return {
    floorUs,
    own,
    sideBySide,
    delivery,
    scale,
    memory: memory.map((item) => ({
      sdk: item.sdk,
      calls: item.calls,
      retainedBytes: item.heap.retainedBytes,
      settled: item.settled,
      drops: item.drops,
    })),
    startup: summarizeStartup(startup),
    backlog: summarizeBacklog(backlog),
    sizes,
    storageDrops: storageDrops(samples),
    outsideRequests: countOutside(samples, memory, startup, backlog),
  }
}

function summarizeStartup(startup) {
  return {
    rounds: startup.length,
    readyMs: medianOf(startup, 'readyMs'),
    readyFromNavigationMs: medianOf(startup, 'readyFromNavigationMs'),
    longestTaskMs: medianOf(startup, 'longestTaskMs'),
    maxLongestTaskMs: Math.max(0, ...startup.map((item) => item.longestTaskMs)),
    longTasks: startup.reduce((sum, item) => sum + item.longTasks.length, 0),
    destinationsNotReady: [
      ...new Set(startup.flatMap((item) => item.destinationsNotReady)),
    ],
  }
}

function summarizeBacklog(backlog) {
  return {
    rounds: backlog.length,
    emptyUs: medianOf(backlog, 'emptyUs'),
    storedUs: medianOf(backlog, 'storedUs'),
    storedEvents: medianOf(backlog, 'storedEvents'),
    drops: sumDrops(backlog),
  }
}

function sumDrops(list) {
  return list.reduce((total, item) => addCounts(total, item.drops), {})
}

/** Returns, per clickstream case with storage drops, the counts by reason. */
function storageDrops(samples) {
  const found = []
  for (const [id, list] of Object.entries(samples)) {
    if (!id.startsWith('clickstream/')) continue
    const drops = sumDrops(list)
    const lost = STORAGE_DROP_REASONS.filter((reason) => drops[reason])
    if (lost.length > 0) found.push({ case: id, drops })
  }
  return found
}

function countOutside(samples, memory, startup, backlog) {
  const all = [
    ...Object.values(samples).flat(),
    ...memory,
    ...startup,
    ...backlog,
  ]
  return all.reduce((sum, item) => sum + (item.outsideRequests ?? 0), 0)
}
