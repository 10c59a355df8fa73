// clickstream under test: the script-tag bundle loaded behind a snippet
// stub, as a site loads it, with settings passed in (no settings request).
// The first-party endpoint (`Segment.io`) posts batches to the collector.
/* global window */
;(function () {
  const counts = { destinationCalls: 0, drops: {} }

  function receive(ctx) {
    counts.destinationCalls++
    return ctx
  }

  function noopDestinations(count) {
    return Array.from({ length: count }, (_, index) => ({
      name: `Noop ${index}`,
      type: 'destination',
      version: '1.0.0',
      isLoaded: () => true,
      load: () => Promise.resolve(),
      track: receive,
      page: receive,
      identify: receive,
    }))
  }

  async function load({ bundleUrl, destinations, apiHost, writeKey, batch }) {
    const stub = []
    stub._writeKey = writeKey
    stub._loadOptions = {
      cdnSettings: {
        integrations: {
          'Segment.io': {
            apiKey: writeKey,
            apiHost,
            protocol: 'http',
            deliveryStrategy: { strategy: 'batching', config: batch },
          },
        },
      },
    }
    window.analytics = stub
    await window.benchHarness.loadScript(bundleUrl)
    await window.analytics.ready()
    await window.analytics.register(...noopDestinations(destinations))
    window.analytics.on('dropped', (notice) => {
      counts.drops[notice.reason] = (counts.drops[notice.reason] ?? 0) + 1
    })
  }

  window.benchSdk = {
    load,
    track: (index) =>
      window.analytics.track('Bench Event', { index, plan: 'pro' }),
    page: (index) => window.analytics.page('Bench Page', { index }),
    identify: (index) => window.analytics.identify('user-1', { index }),
    counts: () => counts,
  }
})()
