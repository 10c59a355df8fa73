import { expect } from 'chai'
import sinon from 'sinon'
import type { EventType } from '../../../src/message/types'
import {
  startFaultCollector,
  type FaultCollector,
} from '../../helpers/fault-collector'
import {
  WRITE_KEY,
  createHarness,
  makeEvent,
  readStored,
  settleAndDispose,
  stubStorage,
  waitUntil,
  type Harness,
} from './helpers'

describe('clickstream delivery, standard strategy', () => {
  let collector: FaultCollector
  let harness: Harness | undefined

  before(async () => {
    collector = await startFaultCollector()
  })
  after(() => collector.close())
  afterEach(async () => {
    await settleAndDispose(harness, collector)
    harness = undefined
    collector.reset()
    sinon.restore()
  })

  function start(settings = {}): Harness {
    harness = createHarness({
      apiHost: collector.apiHost,
      protocol: 'http',
      ...settings,
    })
    return harness
  }

  const paths: Array<[EventType, string]> = [
    ['track', '/t'],
    ['page', '/p'],
    ['identify', '/i'],
    ['group', '/g'],
    ['alias', '/a'],
    ['screen', '/s'],
  ]
  for (const [type, path] of paths) {
    it(`posts ${type} to ${path}`, async () => {
      const { delivery } = start()

      delivery.enqueue(makeEvent({ type }))
      const [post] = await collector.waitForPosts(1)

      expect(post?.path).to.equal(path)
    })
  }

  it('sends the event with writeKey and sentAt', async () => {
    const { delivery } = start()
    const event = makeEvent()

    delivery.enqueue(event)
    const [post] = await collector.waitForPosts(1)

    expect(post?.body).to.deep.equal({
      ...event,
      writeKey: WRITE_KEY,
      sentAt: post?.body?.sentAt,
    })
  })

  it('sets sentAt to the send time', async () => {
    const { delivery } = start()
    const before = Date.now()

    delivery.enqueue(makeEvent())
    const [post] = await collector.waitForPosts(1)
    const sentAt = Date.parse(String(post?.body?.sentAt))

    expect(sentAt).to.be.within(before, Date.now())
  })

  it('sends text/plain', async () => {
    const { delivery } = start()

    delivery.enqueue(makeEvent())
    const [post] = await collector.waitForPosts(1)

    expect(post?.headers['content-type']).to.match(/^text\/plain/)
  })

  it('sends apiKey in place of the write key', async () => {
    const { delivery } = start({ apiKey: 'api-key-1' })

    delivery.enqueue(makeEvent())
    const [post] = await collector.waitForPosts(1)

    expect(post?.body?.writeKey).to.equal('api-key-1')
  })

  it('replaces a stale sentAt and writeKey', async () => {
    const { delivery } = start()

    delivery.enqueue(
      makeEvent({ sentAt: '2000-01-01T00:00:00.000Z', writeKey: 'x' }),
    )
    const [post] = await collector.waitForPosts(1)

    expect(post?.body?.writeKey).to.equal(WRITE_KEY)
  })

  it('reports delivery after a 2xx', async () => {
    const { delivery, delivered } = start()
    const event = makeEvent()

    delivery.enqueue(event)
    await delivery.flush()

    expect(delivered.map((e) => e.messageId)).to.deep.equal([event.messageId])
  })

  it('clears storage after a 2xx', async () => {
    const { delivery } = start()

    delivery.enqueue(makeEvent())
    await delivery.flush()

    expect(readStored()).to.deep.equal([])
  })

  it('stores the event before sending it', async () => {
    const { setItem } = stubStorage()
    const fetchSpy = sinon.spy(globalThis, 'fetch')
    const { delivery } = start()
    collector.script({ hang: true })

    delivery.enqueue(makeEvent())
    await collector.waitForPosts(1)

    expect(setItem.calledBefore(fetchSpy)).to.equal(true)
  })

  it('keeps the event stored while in flight', async () => {
    const { delivery } = start()
    const event = makeEvent()
    collector.script({ hang: true })

    delivery.enqueue(event)
    await collector.waitForPosts(1)

    expect(readStored().map((r) => r.event.messageId)).to.deep.equal([
      event.messageId,
    ])
  })

  it('writes storage once per task', async () => {
    const { setItem } = stubStorage()
    const { delivery } = start()
    collector.setDefault({ hang: true })

    for (let i = 0; i < 5; i++) delivery.enqueue(makeEvent())
    await collector.waitForPosts(5)
    const queueWrites = setItem
      .getCalls()
      .filter((call) => String(call.args[0]).startsWith('clickstream:queue:'))

    expect(queueWrites).to.have.length(1)
  })

  it('sends a messageId once when enqueued twice', async () => {
    const { delivery } = start()
    const event = makeEvent()

    delivery.enqueue(event)
    delivery.enqueue(event)
    await delivery.flush()

    expect(collector.posts()).to.have.length(1)
  })

  it('drops an event over 32 KB', () => {
    const { delivery, dropped } = start()
    const event = makeEvent({ properties: { blob: 'x'.repeat(33 * 1024) } })

    delivery.enqueue(event)

    expect(dropped[0]?.reason).to.equal('event_too_large')
  })

  it('never sends an event over 32 KB', async () => {
    const { delivery } = start()

    delivery.enqueue(makeEvent({ properties: { blob: 'x'.repeat(33 * 1024) } }))
    await delivery.flush()

    expect(collector.posts()).to.have.length(0)
  })

  it('counts bytes, not characters, for the limit', () => {
    const { delivery, dropped } = start()
    const event = makeEvent({ properties: { blob: 'é'.repeat(17 * 1024) } })

    delivery.enqueue(event)

    expect(dropped[0]?.reason).to.equal('event_too_large')
  })

  it('sends an event just under 32 KB', async () => {
    const { delivery, delivered } = start()

    delivery.enqueue(makeEvent({ properties: { blob: 'x'.repeat(31 * 1024) } }))
    await delivery.flush()

    expect(delivered).to.have.length(1)
  })

  it('drops an event without messageId', () => {
    const { delivery, dropped } = start()

    delivery.enqueue(makeEvent({ messageId: '' }))

    expect(dropped[0]?.reason).to.equal('invalid_argument')
  })

  it('drops an event that cannot be serialized', () => {
    const { delivery, dropped } = start()
    const properties: Record<string, unknown> = {}
    properties.self = properties

    delivery.enqueue(makeEvent({ properties }))

    expect(dropped[0]?.reason).to.equal('invalid_argument')
  })

  it('survives a throwing onDelivered', async () => {
    const { delivery, hooks } = start()
    hooks.onDelivered = () => {
      throw new Error('hook failed')
    }

    delivery.enqueue(makeEvent())
    delivery.enqueue(makeEvent())
    await delivery.flush()

    expect(collector.posts()).to.have.length(2)
  })

  it('drops events enqueued after dispose', () => {
    const { delivery, dropped } = start()
    delivery.dispose()

    delivery.enqueue(makeEvent())

    expect(dropped[0]?.reason).to.equal('disabled')
  })

  it('delivers many events in order of arrival', async () => {
    const { delivery, delivered } = start()
    const events = Array.from({ length: 20 }, () => makeEvent())

    events.forEach((event) => delivery.enqueue(event))
    await waitUntil(() => delivered.length === 20)

    expect(collector.posts().map((p) => p.body?.messageId)).to.have.members(
      events.map((e) => e.messageId),
    )
  })
})
