// The floor: what any Segment-compatible SDK must do per `track` call at
// the least. It builds the message by hand (ids, timestamp, page context),
// hands it to five functions, as to five destinations, and serializes it
// once, as for the endpoint. No queue, no storage, no network.
/* global window, document, location */
;(function () {
  const sinks = Array.from({ length: 5 }, () => (message) => message.type)
  const counts = { destinationCalls: 0, drops: {}, serializedBytes: 0 }

  function track(index) {
    const message = {
      type: 'track',
      event: 'Bench Event',
      properties: { index, plan: 'pro' },
      messageId: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      anonymousId: 'anonymous-1',
      context: {
        page: {
          path: location.pathname,
          url: location.href,
          title: document.title,
          referrer: document.referrer,
          search: location.search,
        },
        userAgent: navigator.userAgent,
      },
    }
    for (const sink of sinks) {
      sink(message)
      counts.destinationCalls++
    }
    counts.serializedBytes += JSON.stringify(message).length
  }

  window.benchSdk = {
    load: async () => {},
    track,
    counts: () => counts,
  }
})()
