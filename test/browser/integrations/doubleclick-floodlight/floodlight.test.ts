// DoubleClick Floodlight through the real core, run by the test kit with its
// pixel stand-in, which records each iframe and image request. The nonce
// and the real requests are checked with the pixels rewritten to a file on
// the test server (./pixels.ts).
import { expect } from 'chai'
import sinon from 'sinon'
import floodlight from '../../../../integrations/doubleclick-floodlight'
import {
  floodlightStandIn,
  loadDestination,
  type DestinationTest,
} from '../../../../src/testing'
import {
  resetPixels,
  rewritePixel,
  waitForPixels,
  type PixelRequest,
} from './pixels'

// Counter tags' `ord` is Math.random() scaled, and this value fixes it.
const RANDOM = 0.27005030284556764
const ORD = '2700503028455676400'
const HOST = 'https://654757884637545.fls.doubleclick.net/activityi'

function activity(event: string, extra: Record<string, unknown> = {}) {
  return {
    key: event,
    value: {
      event,
      cat: 'activityTag',
      type: 'groupTag',
      customVariable: [],
      isSalesTag: false,
      ordKey: null,
      ...extra,
    },
  }
}

const SETTINGS = {
  source: '654757884637545',
  activityTag: 'sourceLevelTagCat',
  groupTag: 'sourceLevelTagType',
  getDoubleClickId: false,
  googleNetworkId: '',
  segmentWriteKey: '',
  events: [
    activity('Watched Westworld', {
      customVariable: [
        { key: 'favoriteCharacter', value: 'u1' },
        { key: 'episode', value: 'u2' },
      ],
    }),
    activity('Goodbye Pablo'),
    activity('Viewed Confirmation Page'),
    activity('Order Completed', { isSalesTag: true, ordKey: 'orderId' }),
    activity('Property Lookup', {
      customVariable: [{ key: '{{context.campaign.name}}', value: 'u1' }],
    }),
    activity('Top Level Tag Settings', { cat: '', type: '' }),
  ],
}

const ORDER = {
  checkout_id: 'fksdjfsdjfisjf9sdfjsd9f',
  order_id: '50314b8e9bcf000000000000',
  affiliation: 'Google Store',
  total: 30,
  revenue: 25,
  shipping: 3,
  tax: 2,
  discount: 2.5,
  coupon: 'hasbros',
  currency: 'USD',
  products: [
    {
      product_id: '507f1f77bcf86cd799439011',
      sku: '45790-32',
      name: 'Monopoly: 3rd Edition',
      price: 19,
      quantity: 1,
      category: 'Games',
    },
    {
      product_id: '505bd76785ebb509fc183733',
      sku: '46493-32',
      name: 'Uno Card Game',
      price: 3,
      quantity: 2,
      category: 'Games',
    },
  ],
}

describe('DoubleClick Floodlight in the browser', () => {
  let current: DestinationTest | undefined

  afterEach(() => {
    sinon.restore()
    current?.dispose()
    current = undefined
    resetPixels()
  })

  /** Loads the destination as a fresh visitor, with `ord` made fixed. */
  async function load(changes: Record<string, unknown> = {}) {
    current = await loadDestination(floodlight, {
      settings: { ...SETTINGS, ...changes },
      standIns: [floodlightStandIn()],
    })
    current.analytics.reset()
    sinon.stub(Math, 'random').returns(RANDOM)
    return current
  }

  /** Loads with the pixels rewritten to a file on the test server. */
  async function loadServed(nonce?: string) {
    resetPixels()
    current = await loadDestination(floodlight, {
      settings: SETTINGS,
      loadOptions: {
        vendorScriptUrl: rewritePixel,
        ...(nonce ? { nonce } : {}),
      },
    })
    current.analytics.reset()
    sinon.stub(Math, 'random').returns(RANDOM)
    return current
  }

  /** Tracks and resolves once the destination has handled the call. */
  async function track(
    event: string,
    properties: Record<string, unknown> = {},
    options: Record<string, unknown> = {},
  ): Promise<void> {
    await current?.track(event, properties, options)
  }

  /** Returns the pixels the stand-in recorded, in order. */
  function pixels(): PixelRequest[] {
    return (current?.vendorCalls('doubleclick-floodlight') ?? []).map(
      (call) => call.args[0] as PixelRequest,
    )
  }

  function requestedPixelUrls(): string[] {
    return pixels().map((pixel) => pixel.url)
  }

  describe('the DoubleClick ID pixel', () => {
    it('is off without getDoubleClickId', async () => {
      await load({ googleNetworkId: 'foobar' })

      await track('Goodbye Pablo')

      expect(requestedPixelUrls()).to.have.length(1)
      expect(requestedPixelUrls()[0]).to.match(
        /^https:\/\/654757884637545\.fls\./,
      )
    })

    it('is off without googleNetworkId', async () => {
      await load({ getDoubleClickId: true })

      await track('Goodbye Pablo')

      expect(requestedPixelUrls()).to.have.length(1)
      expect(requestedPixelUrls()[0]).to.match(
        /^https:\/\/654757884637545\.fls\./,
      )
    })

    it('sends the anonymous ID once', async () => {
      const fl = await load({
        getDoubleClickId: true,
        googleNetworkId: 'foobar',
        segmentWriteKey: 'write-key-1',
      })
      const hostedMatchId = btoa(fl.analytics.user().anonymousId())

      await track('Unmapped One')
      await track('Unmapped Two')
      const expected =
        'https://cm.g.doubleclick.net/pixel?google_nid=foobar' +
        '&segment_write_key=write-key-1' +
        `&google_hm=${encodeURIComponent(hostedMatchId)}`

      expect(pixels()).to.deep.equal([{ element: 'img', url: expected }])
      expect(requestedPixelUrls()).to.deep.equal([expected])
    })
  })

  describe('track', () => {
    it('fires a counter tag', async () => {
      await load()

      await track('Goodbye Pablo')

      expect(pixels()).to.deep.equal([
        {
          element: 'iframe',
          url: `${HOST};src=654757884637545;type=groupTag;cat=activityTag;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=${ORD}?`,
        },
      ])
    })

    it('adds mapped custom variables', async () => {
      await load()

      await track('Watched Westworld', {
        favoriteCharacter: 'Maeve',
        episode: '4',
      })

      expect(pixels()[0]?.url).to.equal(
        `${HOST};src=654757884637545;type=groupTag;cat=activityTag;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=${ORD};u1=Maeve;u2=4?`,
      )
    })

    it('fires a sales tag', async () => {
      await load()

      await track('Order Completed', ORDER)

      expect(pixels()[0]?.url).to.equal(
        `${HOST};src=654757884637545;type=groupTag;cat=activityTag;qty=3;cost=25;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=50314b8e9bcf000000000000?`,
      )
    })

    it('sends qty=1 with useTransactionCounting', async () => {
      await load({ useTransactionCounting: true })

      await track('Order Completed', ORDER)

      expect(pixels()[0]?.url).to.equal(
        `${HOST};src=654757884637545;type=groupTag;cat=activityTag;qty=1;cost=25;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=50314b8e9bcf000000000000?`,
      )
    })

    it('reads {{userId}} after identify', async () => {
      const fl = await load({
        events: [
          activity('Order Completed', {
            isSalesTag: true,
            ordKey: 'orderId',
            customVariable: [{ key: '{{userId}}', value: 'u8' }],
          }),
        ],
      })

      await fl.identify('some_previous_userId')
      await track('Order Completed', ORDER)

      expect(pixels()[0]?.url).to.equal(
        `${HOST};src=654757884637545;type=groupTag;cat=activityTag;qty=3;cost=25;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=50314b8e9bcf000000000000;u8=some_previous_userId?`,
      )
    })

    it('joins products.$.category with commas', async () => {
      const fl = await load({
        events: [
          activity('Order Completed', {
            isSalesTag: true,
            ordKey: 'orderId',
            customVariable: [{ key: 'products.$.category', value: 'u8' }],
          }),
        ],
      })

      await fl.identify('some_previous_userId')
      await track('Order Completed', ORDER)

      expect(pixels()[0]?.url).to.equal(
        `${HOST};src=654757884637545;type=groupTag;cat=activityTag;qty=3;cost=25;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=50314b8e9bcf000000000000;u8=Games%2CGames?`,
      )
    })

    it('reads {{context.campaign.name}}', async () => {
      await load()

      await track('Property Lookup', {}, { campaign: { name: 'campaignName' } })

      expect(pixels()[0]?.url).to.equal(
        `${HOST};src=654757884637545;type=groupTag;cat=activityTag;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=${ORD};u1=campaignName?`,
      )
    })

    it('falls back on top-level tags', async () => {
      await load()

      await track('Top Level Tag Settings')

      expect(pixels()[0]?.url).to.equal(
        `${HOST};src=654757884637545;type=sourceLevelTagType;cat=sourceLevelTagCat;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=${ORD}?`,
      )
    })

    it('takes qty from properties.quantity', async () => {
      await load()
      const { products: _products, ...order } = ORDER

      await track('Order Completed', { ...order, quantity: 3 })

      expect(pixels()[0]?.url).to.equal(
        `${HOST};src=654757884637545;type=groupTag;cat=activityTag;qty=3;cost=25;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=50314b8e9bcf000000000000?`,
      )
    })

    it('fires every mapped tag in order', async () => {
      await load({
        events: [
          activity('Signed Up', { cat: 'first' }),
          activity('signed_up', { cat: 'second' }),
        ],
      })

      await track('Signed Up')

      expect(
        pixels().map((request) => /cat=(\w+)/.exec(request.url)?.[1]),
      ).to.deep.equal(['first', 'second'])
    })

    it('sends coppaCompliant as child-directed', async () => {
      await load()

      await track(
        'Goodbye Pablo',
        {},
        {
          integrations: { 'DoubleClick Floodlight': { coppaCompliant: true } },
        },
      )

      expect(pixels()[0]?.url).to.contain(
        ';tag_for_child_directed_treatment=1;',
      )
    })

    it('puts the nonce on iframes', async () => {
      await loadServed('floodlight-nonce')

      await track('Goodbye Pablo')

      const frame = document.querySelector<HTMLIFrameElement>(
        'iframe[src*="doubleclick-floodlight.js"]',
      )
      expect(frame?.nonce).to.equal('floodlight-nonce')
    })
  })

  describe('served pixels', () => {
    it('requests the tag from the page', async () => {
      await loadServed()

      await track('Goodbye Pablo')

      expect(await waitForPixels(1)).to.deep.equal([
        {
          element: 'iframe',
          url: `${HOST};src=654757884637545;type=groupTag;cat=activityTag;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=${ORD}?`,
        },
      ])
    })
  })

  describe('page', () => {
    it('fires the Viewed <name> Page tag', async () => {
      const fl = await load()

      await fl.page('Confirmation')

      expect(pixels()).to.deep.equal([
        {
          element: 'iframe',
          url: `${HOST};src=654757884637545;type=groupTag;cat=activityTag;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;ord=${ORD}?`,
        },
      ])
    })
  })

  describe('no-op calls', () => {
    it('skips an unmapped event', async () => {
      await load()

      await track('They should announce a sequel to Groundhog Day')

      expect(requestedPixelUrls()).to.deep.equal([])
    })

    it('fires nothing without source', async () => {
      await load({ source: '' })

      await track('Watched Westworld')

      expect(requestedPixelUrls()).to.deep.equal([])
    })

    it('skips a tag without cat', async () => {
      await load({
        activityTag: '',
        events: [
          activity('Watched Westworld', { cat: '' }),
          activity('Goodbye Pablo'),
        ],
      })

      await track('Watched Westworld')
      await track('Goodbye Pablo')

      expect(requestedPixelUrls()).to.have.length(1)
      expect(requestedPixelUrls()[0]).to.contain(
        ';type=groupTag;cat=activityTag;',
      )
    })

    it('skips a tag without type', async () => {
      await load({
        groupTag: '',
        events: [
          activity('Watched Westworld', { type: '' }),
          activity('Goodbye Pablo'),
        ],
      })

      await track('Watched Westworld')
      await track('Goodbye Pablo')

      expect(requestedPixelUrls()).to.have.length(1)
      expect(requestedPixelUrls()[0]).to.contain(
        ';type=groupTag;cat=activityTag;',
      )
    })
  })
})
