/** The demo's delivery: batches of up to 10 events, sent at least every second. */
export const DEMO_DELIVERY_STRATEGY = {
  strategy: 'batching',
  config: { size: 10, timeout: 1000 },
}

/**
 * Builds settings in the shape Segment's CDN serves from
 * `/v1/projects/<writeKey>/settings`, with only the first-party destination.
 * `apiHost` is host and path without protocol, as in Segment's settings.
 */
export function buildSettings({
  writeKey,
  apiHost,
  protocol = 'http',
  deliveryStrategy = DEMO_DELIVERY_STRATEGY,
  httpConfig,
  integrations = {},
}) {
  const endpoint = { apiKey: writeKey, apiHost, protocol }
  if (deliveryStrategy) endpoint.deliveryStrategy = deliveryStrategy
  if (httpConfig) endpoint.httpConfig = httpConfig

  return {
    integrations: { 'Segment.io': endpoint, ...integrations },
    plan: { track: {} },
    middlewareSettings: {},
  }
}
