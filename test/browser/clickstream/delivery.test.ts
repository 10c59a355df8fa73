import { expect } from 'chai'
import sinon from 'sinon'
import { createClickstreamDelivery } from '../../../src/clickstream'
import type { ClickstreamSettings, DropNotice } from '../../../src/clickstream'
import {
  isQuotaError,
  listStoredQueues,
} from '../../../src/clickstream/queue-store'
import { createTransport } from '../../../src/clickstream/transport'
import { createLogger } from '../../../src/debug'
import type { SegmentEvent } from '../../../src/message/types'

const WRITE_KEY = 'wk-browser'
const API_HOST = 'collector.example.test/v1'
const FILL_PREFIX = 'clickstream-test-fill-'

let counter = 0

function makeEvent(properties: Record<string, unknown> = {}): SegmentEvent {
  counter += 1
  return {
    type: 'track',
    event: 'Clicked',
    messageId: `browser-msg-${counter}`,
    timestamp: new Date().toISOString(),
    anonymousId: 'anon-1',
    properties,
    context: { library: { name: 'clickstream-analytics', version: '0.0.0' } },
    integrations: {},
  }
}

function start(settings: ClickstreamSettings) {
  const delivered: SegmentEvent[] = []
  const dropped: DropNotice[] = []
  const delivery = createClickstreamDelivery(WRITE_KEY, settings, {
    onDelivered: (event) => delivered.push(event),
    onDropped: (notice) => dropped.push(notice),
    logger: createLogger('test'),
  })
  return { delivery, delivered, dropped }
}

/**
 * Replaces fetch with a collector stand-in that responds 200 to its own
 * host and rejects any other URL, so no request leaves the browser.
 */
function stubCollector(): sinon.SinonStub {
  return sinon.stub(window, 'fetch').callsFake(async (input) => {
    const url = String(input)
    if (!url.startsWith(`http://${API_HOST}/`)) {
      throw new TypeError(`unexpected request to ${url}`)
    }
    return new Response('{"success":true}', { status: 200 })
  })
}

/**
 * Fills localStorage until Chromium rejects even a 1 KB value, so a stored
 * queue of a few KB cannot be written. The loop stops after 200 writes.
 */
function fillLocalStorage(): void {
  let chunk = 4 * 1024 * 1024
  let index = 0
  while (chunk >= 1024 && index < 200) {
    try {
      localStorage.setItem(`${FILL_PREFIX}${index}`, 'x'.repeat(chunk))
      index += 1
    } catch {
      // This chunk no longer fits, so the next try uses half of it.
      chunk = Math.floor(chunk / 2)
    }
  }
}

function readQuotaError(): unknown {
  try {
    localStorage.setItem(`${FILL_PREFIX}probe`, 'x'.repeat(16 * 1024 * 1024))
    return undefined
  } catch (error) {
    return error
  }
}

describe('clickstream delivery in Chromium', () => {
  afterEach(() => {
    sinon.restore()
    localStorage.clear()
  })

  it('detects fetch keepalive', () => {
    expect(createTransport()?.supportsKeepalive).to.equal(true)
  })

  it('recognizes the quota error', () => {
    expect(isQuotaError(readQuotaError())).to.equal(true)
  })

  it('uses keepalive on pagehide', async () => {
    const fetchStub = stubCollector()
    const { delivery } = start({
      apiHost: API_HOST,
      protocol: 'http',
      deliveryStrategy: { strategy: 'batching', config: { timeout: 60_000 } },
    })
    delivery.enqueue(makeEvent())
    await Promise.resolve()

    window.dispatchEvent(new Event('pagehide'))
    delivery.dispose()

    expect(fetchStub.firstCall.args[1]?.keepalive).to.equal(true)
  })

  it('stores the queue under the page key of the write key', async () => {
    const { delivery } = start({})

    const event = makeEvent()
    delivery.enqueue(event)
    await delivery.flush()
    delivery.dispose()

    const [stored] = listStoredQueues(WRITE_KEY)
    expect(stored?.owner).to.be.a('string')
    expect(localStorage.getItem(stored!.key)).to.contain(event.messageId)
  })

  describe('with localStorage full', () => {
    const blob = 'y'.repeat(8 * 1024)

    it('still delivers', async () => {
      stubCollector()
      const { delivery, delivered } = start({
        apiHost: API_HOST,
        protocol: 'http',
      })
      fillLocalStorage()

      delivery.enqueue(makeEvent({ blob }))
      await delivery.flush()
      delivery.dispose()

      expect(delivered).to.have.length(1)
    })

    it('evicts when nothing can be sent', async () => {
      const { delivery, dropped } = start({})
      fillLocalStorage()

      delivery.enqueue(makeEvent({ blob }))
      await delivery.flush()
      delivery.dispose()

      expect(dropped[0]?.reason).to.equal('storage_full')
    })
  })
})
