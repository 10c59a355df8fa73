import { expect } from 'chai'
import sinon from 'sinon'
import { renderCallKeeper } from '../../../examples/lib/snippet.mjs'
import { Analytics } from '../../../src/analytics'
import { installStandalone } from '../../../src/standalone'
import { disposeEndpoint } from '../analytics/harness'

// A page can die between two of its storage writes. In the fault suite
// (headless Chromium 156), a tab closed while its bundle ran kept the
// bundle's first write, the removal of the call keeper's record, and lost
// every later one, the journal with the replayed calls among them. These
// tests record localStorage after each write of a handover and require
// each call's messageId to be in a stored record at every step: the call
// keeper's, a pending journal or a write-ahead queue.

interface StubWindow {
  analytics?: unknown
}

type Stub = unknown[] & Record<string, unknown>

const WRITE_KEY = 'handover-key'

/** A settings request that never settles, so calls wait for settings. */
const HUNG_CDN = 'http://127.0.0.1:9'

/** Settings with the endpoint on 127.0.0.1, whose requests never settle. */
const ENDPOINT_SETTINGS = {
  integrations: {
    'Segment.io': { apiHost: '127.0.0.1:9/v1', protocol: 'http' },
  },
}

/** Builds a track message as another page stored it. */
function storedMessage(event: string, messageId: string): unknown {
  return {
    type: 'track',
    event,
    messageId,
    timestamp: new Date().toISOString(),
    properties: {},
    context: {},
    integrations: {},
  }
}

/** Reads every messageId that a stored record of another page could send. */
function storedIds(): Set<string> {
  const ids = new Set<string>()
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith('clickstream:')) continue
    const value: unknown = JSON.parse(localStorage.getItem(key)!)
    if (key.startsWith('clickstream:stub:')) {
      for (const id of (value as { ids: string[] }).ids) ids.add(id)
    } else if (key.startsWith('clickstream:pending:')) {
      const { messages } = value as { messages: Array<{ messageId: string }> }
      for (const message of messages) ids.add(message.messageId)
    } else if (key.startsWith('clickstream:queue:')) {
      for (const record of value as Array<{ event: { messageId: string } }>) {
        ids.add(record.event.messageId)
      }
    }
  }
  return ids
}

/** One step of the recording: the write and the messageIds stored after it. */
interface Step {
  write: string
  ids: Set<string>
}

/**
 * Records the stored messageIds after each `setItem` and `removeItem` until
 * the returned function is called.
 */
function recordSteps(steps: Step[]): () => void {
  const storage = localStorage
  const setItem = storage.setItem
  const removeItem = storage.removeItem
  const replace = (name: string, value: unknown) =>
    Object.defineProperty(storage, name, {
      value,
      configurable: true,
      writable: true,
    })
  replace('setItem', (key: string, value: string) => {
    setItem.call(storage, key, value)
    steps.push({ write: `set ${key}`, ids: storedIds() })
  })
  replace('removeItem', (key: string) => {
    removeItem.call(storage, key)
    steps.push({ write: `remove ${key}`, ids: storedIds() })
  })
  return () => {
    replace('setItem', setItem)
    replace('removeItem', removeItem)
  }
}

/** Lists the steps after which one of `ids` was in no stored record. */
function stepsMissing(steps: Step[], ids: string[]): string[] {
  return steps
    .filter((step) => ids.some((id) => !step.ids.has(id)))
    .map((step) => step.write)
}

function keysWith(prefix: string): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith(prefix))
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

describe('handover of stored calls', () => {
  let stopRecording: (() => void) | undefined
  const instances: Analytics[] = []

  beforeEach(() => {
    // Requests never settle: nothing is delivered, so nothing leaves storage
    // for a good reason while the steps are recorded.
    sinon.stub(globalThis, 'fetch').returns(new Promise<Response>(() => {}))
  })

  afterEach(() => {
    stopRecording?.()
    stopRecording = undefined
    sinon.restore()
    const global = (window as StubWindow).analytics
    if (global instanceof Analytics) instances.push(global)
    for (const instance of instances.splice(0)) disposeEndpoint(instance)
    delete (window as StubWindow).analytics
  })

  /** Installs the snippet's stub with the call keeper and two kept calls. */
  async function keptStub(fields: Record<string, unknown>): Promise<Stub> {
    const stub = Object.assign([] as unknown[], fields) as Stub
    stub._writeKey = WRITE_KEY
    ;(window as StubWindow).analytics = stub
    new Function(renderCallKeeper())()
    stub.push(['track', 'First'])
    stub.push(['track', 'Second'])
    await Promise.resolve()
    return stub
  }

  it('keeps own kept calls until journaled', async () => {
    const stub = await keptStub({ _cdn: HUNG_CDN })
    const ids = stub._keptIds as string[]
    const steps: Step[] = []
    stopRecording = recordSteps(steps)

    installStandalone([])
    await nextTask()

    expect(steps).to.not.deep.equal([])
    expect(stepsMissing(steps, ids)).to.deep.equal([])
    expect(keysWith('clickstream:stub:')).to.deep.equal([])
    expect([...storedIds()]).to.include.members(ids)
  })

  it('keeps own kept calls while deciding', async () => {
    let decide: (disabled: boolean) => void = () => {}
    const decision = new Promise<boolean>((resolve) => (decide = resolve))
    const stub = await keptStub({
      _loadOptions: { cdnSettings: ENDPOINT_SETTINGS, disable: () => decision },
    })
    const ids = stub._keptIds as string[]
    const steps: Step[] = []
    stopRecording = recordSteps(steps)

    installStandalone([])
    await nextTask()
    const keysWhileDeciding = keysWith('clickstream:stub:')
    decide(false)
    await ((window as StubWindow).analytics as Analytics).ready()

    expect(keysWhileDeciding).to.deep.equal([stub._keptKey])
    expect(stepsMissing(steps, ids)).to.deep.equal([])
    expect(keysWith('clickstream:stub:')).to.deep.equal([])
  })

  it('keeps closed-page calls until journaled', async () => {
    const ids = ['kept-1', 'kept-2']
    localStorage.setItem(
      `clickstream:stub:${WRITE_KEY}:closed-page`,
      JSON.stringify({
        at: 0,
        calls: [
          ['track', 'A'],
          ['track', 'B'],
        ],
        times: [100, 200],
        ids,
      }),
    )
    const steps: Step[] = []
    stopRecording = recordSteps(steps)

    const analytics = new Analytics()
    instances.push(analytics)
    analytics.load(WRITE_KEY, { cdnURL: HUNG_CDN })
    await nextTask()

    expect(stepsMissing(steps, ids)).to.deep.equal([])
    expect(keysWith('clickstream:stub:')).to.deep.equal([])
    expect(keysWith('clickstream:pending:')).to.have.length(1)
  })

  it('keeps closed-page journal until queued', async () => {
    const ids = ['waiting-1', 'waiting-2']
    const closedJournal = `clickstream:pending:${WRITE_KEY}:closed-page`
    localStorage.setItem(
      closedJournal,
      JSON.stringify({
        updatedAt: Date.now(),
        closed: true,
        messages: ids.map((messageId) => storedMessage('Waiting', messageId)),
      }),
    )
    const steps: Step[] = []
    stopRecording = recordSteps(steps)

    const analytics = new Analytics()
    instances.push(analytics)
    analytics.load(WRITE_KEY, { cdnSettings: ENDPOINT_SETTINGS })
    await analytics.ready()
    await nextTask()

    expect(stepsMissing(steps, ids)).to.deep.equal([])
    expect(localStorage.getItem(closedJournal)).to.equal(null)
    expect(keysWith('clickstream:queue:')).to.have.length(1)
  })

  it('keeps closed-page queue until adopted', async () => {
    const ids = ['queued-1', 'queued-2']
    const closedQueue = `clickstream:queue:${WRITE_KEY}:closed-page`
    localStorage.setItem(
      closedQueue,
      JSON.stringify(
        ids.map((messageId) => ({
          event: storedMessage('Queued', messageId),
          attempts: 0,
          rateLimitedRetries: 0,
        })),
      ),
    )
    const steps: Step[] = []
    stopRecording = recordSteps(steps)

    const analytics = new Analytics()
    instances.push(analytics)
    analytics.load(WRITE_KEY, { cdnSettings: ENDPOINT_SETTINGS })
    await analytics.ready()

    expect(stepsMissing(steps, ids)).to.deep.equal([])
    expect(localStorage.getItem(closedQueue)).to.equal(null)
    expect(keysWith('clickstream:queue:')).to.have.length(1)
  })
})
