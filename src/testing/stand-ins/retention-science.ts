import { defineStandIn, observePush, type StandIn } from '../stand-in'

/**
 * Stands in for Retention Science's w.js. Like the real script it takes
 * over the `window._rsq` queue: it handles the commands pushed before it
 * ran, then each later push. A command is an array, its name first, and is
 * recorded as `{ vendor: 'retention-science', args: ['_setSiteId', '12345'] }`.
 */
export function retentionScienceStandIn(): StandIn {
  return defineStandIn({
    vendor: 'retention-science',
    urls: ['https://d1stxfv94hrhia.cloudfront.net/waves/'],
    globals: ['_rsq'],
    install({ page, record }) {
      const queue = (page._rsq ||= []) as unknown[] & {
        __retentionScienceStandIn?: boolean
      }
      if (queue.__retentionScienceStandIn) return
      queue.__retentionScienceStandIn = true

      const recordCommand = (entry: unknown) =>
        record(Array.prototype.slice.call(entry))
      for (const entry of [...queue]) recordCommand(entry)
      observePush(queue, recordCommand)
    },
  })
}
