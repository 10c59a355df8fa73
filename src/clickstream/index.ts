export { createClickstreamDelivery } from './delivery'
export type {
  BackoffConfig,
  ClickstreamDelivery,
  ClickstreamSettings,
  DeliveryHooks,
  DeliveryStrategy,
  DropNotice,
  HttpConfig,
  RateLimitConfig,
} from './types'
