import { Identify, Track } from '@segment/facade'
import { expect } from 'chai'
import {
  customEvents,
  userProperties,
} from '../../../../integrations/google-analytics-4/custom-events'

const EPISODE = {
  segmentEvent: 'Started Episode',
  googleEvent: 'new_episode',
  parameters: [
    { key: 'properties.title', value: 'title' },
    { key: 'properties.genre', value: 'primary_genre' },
  ],
}

function track(event: string, properties: Record<string, unknown>): Track {
  return new Track({ type: 'track', event, properties })
}

describe('GA4 customEventsAndParameters', () => {
  it('maps a Segment event to a Google event and its parameters', () => {
    const events = customEvents(
      [EPISODE],
      track('Started Episode', { title: 'Pilot', genre: 'drama', extra: 1 }),
    )

    expect(events).to.deep.equal([
      {
        name: 'new_episode',
        params: { title: 'Pilot', primary_genre: 'drama' },
      },
    ])
  })

  it('leaves out parameters the call does not carry', () => {
    const events = customEvents(
      [EPISODE],
      track('Started Episode', { title: 'Pilot' }),
    )

    expect(events[0]?.params).to.deep.equal({ title: 'Pilot' })
  })

  it('sends one event per matching entry, in setting order', () => {
    const events = customEvents(
      [
        EPISODE,
        { segmentEvent: 'Other', googleEvent: 'other' },
        { segmentEvent: 'started_episode', googleEvent: 'episode_start' },
      ],
      track('Started Episode', {}),
    )

    expect(events.map((event) => event.name)).to.deep.equal([
      'new_episode',
      'episode_start',
    ])
  })

  it('skips an entry whose parameters are not a list, as Segment does', () => {
    const events = customEvents(
      [
        {
          segmentEvent: 'Started Episode',
          googleEvent: 'new_episode',
          parameters: { 'properties.title': 'title' },
        },
        { segmentEvent: 'Started Episode', googleEvent: 'episode_start' },
      ],
      track('Started Episode', { title: 'Pilot' }),
    )

    expect(events).to.deep.equal([{ name: 'episode_start', params: {} }])
  })

  it('skips malformed entries', () => {
    const events = customEvents(
      [
        null,
        'Started Episode',
        { segmentEvent: 'Started Episode' },
        { segmentEvent: 'Started Episode', googleEvent: '' },
        {
          segmentEvent: 'Started Episode',
          googleEvent: 'ok',
          parameters: [{ key: 'properties.title' }, 'junk', null],
        },
      ],
      track('Started Episode', { title: 'Pilot' }),
    )

    expect(events).to.deep.equal([{ name: 'ok', params: {} }])
  })
})

describe('GA4 userProperties', () => {
  it('maps identify fields to user properties', () => {
    const identify = new Identify({
      type: 'identify',
      userId: 'u1',
      traits: { plan: 'pro', company: null },
    })

    const properties = userProperties(
      { 'traits.plan': 'plan', 'traits.company': 'company', 'traits.x': 'x' },
      identify,
    )

    expect(properties).to.deep.equal({ plan: 'pro', company: null })
  })

  it('accepts a list of key and value pairs', () => {
    const identify = new Identify({
      type: 'identify',
      traits: { plan: 'pro' },
    })

    expect(
      userProperties([{ key: 'traits.plan', value: 'plan' }], identify),
    ).to.deep.equal({ plan: 'pro' })
  })
})

describe('GA4 mapped field values', () => {
  it('sends dates as the ISO strings they were sent as', () => {
    const at = '2024-01-01T00:00:00.000Z'

    const events = customEvents(
      [
        {
          segmentEvent: 'Started Episode',
          googleEvent: 'new_episode',
          parameters: [{ key: 'properties.aired', value: 'aired' }],
        },
      ],
      track('Started Episode', { aired: at }),
    )
    const properties = userProperties(
      { 'traits.createdAt': 'created' },
      new Identify({ type: 'identify', traits: { createdAt: at } }),
    )

    expect(events[0]?.params).to.deep.equal({ aired: at })
    expect(properties).to.deep.equal({ created: at })
  })
})
