// @segment/analytics-next under test: its npm build, bundled by the bench
// into a script that sets `window.AnalyticsNext`, loaded with settings
// passed in (`cdnSettings`, no settings request). Its Segment.io plugin
// posts batches to the collector. Remote metrics are off (sample rate 0),
// because they would go to api.segment.io.
/* global window */
;(function () {
  const counts = { destinationCalls: 0, drops: {} }
  let analytics

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
    await window.benchHarness.loadScript(bundleUrl)
    const [instance] = await window.AnalyticsNext.AnalyticsBrowser.load({
      writeKey,
      cdnSettings: {
        integrations: {
          'Segment.io': {
            apiKey: writeKey,
            apiHost,
            protocol: 'http',
            deliveryStrategy: { strategy: 'batching', config: batch },
          },
        },
        metrics: { sampleRate: 0 },
      },
      plugins: noopDestinations(destinations),
    })
    analytics = instance
    // analytics-next reports an event it gives up on as an `error`.
    analytics.on('error', (error) => {
      const code = error?.code ?? 'error'
      counts.drops[code] = (counts.drops[code] ?? 0) + 1
    })
  }

  window.benchSdk = {
    load,
    track: (index) => analytics.track('Bench Event', { index, plan: 'pro' }),
    page: (index) => analytics.page('Bench Page', { index }),
    identify: (index) => analytics.identify('user-1', { index }),
    counts: () => counts,
  }
})()
