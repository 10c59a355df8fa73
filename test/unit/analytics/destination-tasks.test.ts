import { expect } from 'chai'
import { Analytics } from '../../../src/analytics'
import { defineIntegration } from '../../../src/integration/define'
import { disposeEndpoint } from './harness'

/** Makes a destination that records its load, and in a microtask after it, which destinations had loaded. */
function probe(name: string, loaded: string[], seenInMicrotask: string[][]) {
  return defineIntegration({
    name,
    options: {},
    load() {
      loaded.push(name)
      queueMicrotask(() => seenInMicrotask.push([...loaded]))
    },
    track: () => undefined,
  })
}

describe('destination start-up', () => {
  it('loads each bundled destination in a task of its own', async () => {
    const loaded: string[] = []
    const seenInMicrotask: string[][] = []
    const analytics = new Analytics([
      probe('First Probe', loaded, seenInMicrotask),
      probe('Second Probe', loaded, seenInMicrotask),
    ])

    analytics.load('tasks-key', {
      cdnSettings: { integrations: { 'First Probe': {}, 'Second Probe': {} } },
    })
    await analytics.ready()
    disposeEndpoint(analytics)

    expect(loaded).to.deep.equal(['First Probe', 'Second Probe'])
    expect(seenInMicrotask[0]).to.deep.equal(['First Probe'])
  })
})
