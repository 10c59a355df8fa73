import { Track } from '@segment/facade'
import { expect } from 'chai'
import sinon from 'sinon'
import floodlight, {
  type DoubleClickFloodlightOptions,
} from '../../../../integrations/doubleclick-floodlight'
import {
  childDirectedFlag,
  doubleClickIdUrl,
  tagsFor,
  tagUrls,
} from '../../../../integrations/doubleclick-floodlight/tags'
import { DestinationError } from '../../../../src/errors'
import { createPluginContext } from '../../../../src/integration/context'
import type { Plugin } from '../../../../src/integration/types'
import type { SegmentEvent } from '../../../../src/message/types'

const HOST = 'https://123.fls.doubleclick.net/activityi'

function settings(
  changes: Partial<DoubleClickFloodlightOptions> = {},
): DoubleClickFloodlightOptions {
  return {
    source: '123',
    activityTag: '',
    groupTag: '',
    events: [],
    getDoubleClickId: false,
    googleNetworkId: '',
    segmentWriteKey: '',
    useTransactionCounting: false,
    ...changes,
  }
}

function track(event: string, properties: Record<string, unknown> = {}) {
  return new Track({ type: 'track', event, properties, userId: 'u-1' })
}

describe('DoubleClick Floodlight options', () => {
  it("declares Segment's option names and defaults", () => {
    const defaults = Object.fromEntries(
      Object.entries(floodlight.schema).map(([name, spec]) => [
        name,
        spec.default,
      ]),
    )

    expect(floodlight.integrationName).to.equal('DoubleClick Floodlight')
    expect(defaults).to.deep.equal({
      source: '',
      activityTag: '',
      groupTag: '',
      events: [],
      getDoubleClickId: false,
      googleNetworkId: '',
      segmentWriteKey: '',
      useTransactionCounting: false,
    })
  })

  it('rejects a wrongly typed option', async () => {
    const plugin = floodlight({
      source: '123',
      useTransactionCounting: 'sometimes' as unknown as boolean,
    })

    const error = await loadError(plugin)

    expect(error).to.be.instanceOf(DestinationError)
    expect((error as Error).message).to.match(/^DoubleClick Floodlight: /)
    expect((error as Error).message).to.contain(
      'option "useTransactionCounting" must be a boolean, received "sometimes".',
    )
  })

  it('rejects an invalid source', async () => {
    const plugin = floodlight({ source: 'evil.example/x?' })

    const error = await loadError(plugin)

    expect(error).to.be.instanceOf(DestinationError)
    expect((error as Error).message).to.contain('option "source"')
  })
})

describe('tagsFor', () => {
  const tag = { cat: 'c1', type: 't1' }

  it('reads { key, value } pairs loosely', () => {
    expect(
      tagsFor([{ key: 'order_completed', value: tag }], 'Order Completed'),
    ).to.deep.equal([tag])
  })

  it('reads an object mapping', () => {
    expect(
      tagsFor({ 'Order Completed': tag }, 'order completed'),
    ).to.deep.equal([tag])
  })

  it('reads bare tags naming their event', () => {
    const bare = { event: 'Signed Up', ...tag }

    expect(tagsFor([bare], 'signed_up')).to.deep.equal([bare])
  })

  it('turns a name into an empty tag', () => {
    expect(tagsFor(['Signed Up', 'Logged In'], 'Signed Up')).to.deep.equal([{}])
  })

  it('returns every mapped tag', () => {
    const other = { cat: 'c2', type: 't2' }

    expect(
      tagsFor(
        [
          { key: 'Signed Up', value: tag },
          { key: 'Logged In', value: { cat: 'x', type: 'y' } },
          { key: 'signed-up', value: other },
        ],
        'Signed Up',
      ),
    ).to.deep.equal([tag, other])
  })
})

describe('tagUrls', () => {
  beforeEach(() => {
    sinon.stub(Math, 'random').returns(0.5)
  })

  afterEach(() => {
    sinon.restore()
  })

  it('encodes every value', () => {
    const options = settings({
      events: {
        'Signed Up': {
          cat: 'a b;c',
          type: 'g?h',
          customVariable: [{ key: 'plan', value: 'u1' }],
        },
      },
    })

    const urls = tagUrls(track('Signed Up', { plan: 'pro;max=1' }), options)

    expect(urls).to.deep.equal([
      `${HOST};src=123;type=g%3Fh;cat=a%20b%3Bc;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=5000000000000000000;u1=pro%3Bmax%3D1?`,
    ])
  })

  it('keeps 0 and false variables', () => {
    const options = settings({
      events: {
        Rated: {
          cat: 'c',
          type: 't',
          customVariable: [
            { key: 'stars', value: 'u1' },
            { key: 'missing', value: 'u2' },
            { key: 'verified', value: 'u3' },
            { key: 'empty', value: 'u4' },
          ],
        },
      },
    })

    const [url] = tagUrls(
      track('Rated', { stars: 0, verified: false, empty: '' }),
      options,
    )

    expect(url).to.match(/;ord=5000000000000000000;u1=0;u3=false\?$/)
  })

  it('skips an empty {{path}} variable', () => {
    const options = settings({
      events: {
        Rated: {
          cat: 'c',
          type: 't',
          customVariable: [
            { key: '{{userId}}', value: 'u1' },
            { key: '{{context.campaign.name}}', value: 'u2' },
          ],
        },
      },
    })
    const anonymous = new Track({ type: 'track', event: 'Rated' })

    const [url] = tagUrls(anonymous, options)

    expect(url).to.match(/;ord=5000000000000000000\?$/)
  })

  it('reads ord from ordKey or orderId', () => {
    const withPath = settings({
      events: {
        Paid: {
          cat: 'c',
          type: 't',
          isSalesTag: true,
          ordKey: 'properties.receipt',
        },
      },
    })
    const withoutKey = settings({
      events: { Paid: { cat: 'c', type: 't', isSalesTag: true } },
    })
    const paid = track('Paid', { receipt: 'r-9', order_id: 'o-1', revenue: 5 })

    expect(tagUrls(paid, withPath)[0]).to.contain(';qty=;cost=5;')
    expect(tagUrls(paid, withPath)[0]).to.match(/;ord=r-9\?$/)
    expect(tagUrls(paid, withoutKey)[0]).to.match(/;ord=o-1\?$/)
  })

  it('uses a random ord otherwise', () => {
    const options = settings({
      events: {
        Paid: { cat: 'c', type: 't', isSalesTag: true, ordKey: 'orderId' },
      },
    })

    const [url] = tagUrls(track('Paid'), options)

    expect(url).to.equal(
      `${HOST};src=123;type=t;cat=c;qty=;cost=;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=5000000000000000000?`,
    )
  })

  it('counts quantities given as strings', () => {
    const options = settings({
      events: { Bought: { cat: 'c', type: 't', isSalesTag: true } },
    })

    const [url] = tagUrls(
      track('Bought', { products: [{ quantity: '2' }, { quantity: 1 }, {}] }),
      options,
    )

    expect(url).to.contain(';qty=3;')
  })

  it('passes the child-directed flag', () => {
    const options = settings({ events: { Rated: { cat: 'c', type: 't' } } })

    const [url] = tagUrls(track('Rated'), options, '1')

    expect(url).to.contain(';tag_for_child_directed_treatment=1;')
  })

  it('fires nothing without source', () => {
    const options = settings({
      source: '',
      events: { Rated: { cat: 'c', type: 't' } },
    })

    expect(tagUrls(track('Rated'), options)).to.deep.equal([])
  })
})

describe('childDirectedFlag', () => {
  it('reads coppaCompliant and copaCompliant', () => {
    expect(childDirectedFlag({ coppaCompliant: true })).to.equal('1')
    expect(childDirectedFlag({ coppaCompliant: false })).to.equal('0')
    expect(childDirectedFlag({ copaCompliant: true })).to.equal('1')
    expect(childDirectedFlag({ coppaCompliant: 'yes' })).to.equal('')
    expect(childDirectedFlag(undefined)).to.equal('')
  })
})

describe('doubleClickIdUrl', () => {
  it('encodes every parameter', () => {
    const options = settings({
      googleNetworkId: 'net&1',
      segmentWriteKey: 'key 1',
    })

    expect(doubleClickIdUrl(options, 'anon-1')).to.equal(
      'https://cm.g.doubleclick.net/pixel?google_nid=net%261&segment_write_key=key%201&google_hm=YW5vbi0x',
    )
  })

  it('encodes a non-Latin anonymous ID', () => {
    expect(doubleClickIdUrl(settings(), 'é')).to.match(/&google_hm=w6k%3D$/)
  })
})

/** Returns what the plugin's load rejects with, or undefined when it loads. */
function loadError(plugin: Plugin): Promise<unknown> {
  return Promise.resolve(
    plugin.load(createPluginContext(loadEvent()), undefined),
  ).then(
    () => undefined,
    (reason: unknown) => reason,
  )
}

function loadEvent(): SegmentEvent {
  return {
    type: 'track',
    event: 'load',
    messageId: 'load',
    timestamp: new Date(0).toISOString(),
    anonymousId: '',
    context: { library: { name: '', version: '' } },
    integrations: {},
  }
}
