// `analytics` (DavidWells) under test: its npm build, bundled by the bench
// into a script that sets `window.DavidWellsAnalytics.Analytics`. It has no endpoint
// of its own, so a plugin of ours, written the way its plugin docs show,
// posts the events to the collector in Segment batches, with the same
// size and timeout as the other SDKs' batching. That plugin keeps no
// stored copy and never retries.
/* global window */
;(function () {
  const counts = { destinationCalls: 0, drops: {} }
  let analytics

  function receive() {
    counts.destinationCalls++
  }

  function noopDestinations(count) {
    return Array.from({ length: count }, (_, index) => ({
      name: `noop-${index}`,
      track: receive,
      page: receive,
      identify: receive,
    }))
  }

  function countDrops(reason, count) {
    counts.drops[reason] = (counts.drops[reason] ?? 0) + count
  }

  function collectorPlugin({ apiHost, writeKey, batch }) {
    let queue = []
    let timer

    function send() {
      clearTimeout(timer)
      timer = undefined
      const events = queue
      queue = []
      fetch(`http://${apiHost}/b`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          writeKey,
          sentAt: new Date().toISOString(),
          batch: events,
        }),
      }).then(
        (response) => {
          if (!response.ok)
            countDrops(`status_${response.status}`, events.length)
        },
        () => countDrops('request_failed', events.length),
      )
    }

    function enqueue(type, payload) {
      queue.push({
        type,
        event: payload.event,
        properties: payload.properties,
        traits: payload.traits,
        userId: payload.userId,
        anonymousId: payload.anonymousId,
        messageId: payload.meta?.rid,
        timestamp: new Date(payload.meta?.ts ?? Date.now()).toISOString(),
      })
      if (queue.length >= batch.size) send()
      else timer ??= setTimeout(send, batch.timeout)
    }

    return {
      name: 'bench-collector',
      track: ({ payload }) => enqueue('track', payload),
      page: ({ payload }) => enqueue('page', payload),
      identify: ({ payload }) => enqueue('identify', payload),
    }
  }

  async function load({ bundleUrl, destinations, apiHost, writeKey, batch }) {
    await window.benchHarness.loadScript(bundleUrl)
    analytics = window.DavidWellsAnalytics.Analytics({
      app: 'bench',
      plugins: [
        ...noopDestinations(destinations),
        collectorPlugin({ apiHost, writeKey, batch }),
      ],
    })
    await new Promise((resolve) => analytics.ready(resolve))
  }

  window.benchSdk = {
    load,
    track: (index) => analytics.track('Bench Event', { index, plan: 'pro' }),
    page: (index) => analytics.page({ title: 'Bench Page', index }),
    identify: (index) => analytics.identify('user-1', { index }),
    counts: () => counts,
  }
})()
