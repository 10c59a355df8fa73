import { expect } from 'chai'
import {
  adwordsStandIn,
  facebookPixelStandIn,
  floodlightStandIn,
  googleTagManagerStandIn,
  gtagStandIn,
  retentionScienceStandIn,
  type StandIn,
  type VendorCall,
  type VendorRequest,
} from '../../../src/testing'

type Page = Record<string, unknown>
const page = window as unknown as Page

describe('the test kit stand-ins', () => {
  let installed: StandIn[] = []

  function install(
    standIn: StandIn,
    url: string,
    element: VendorRequest['element'] = 'script',
  ) {
    installed.push(standIn)
    const request = { element, url }
    expect(standIn.matches(request), `matches ${url}`).to.equal(true)
    standIn.install(request)
  }

  function recorded(): VendorCall[] {
    return (page.__vendorCalls as VendorCall[] | undefined) ?? []
  }

  /** Returns a function's `arguments` object, which is what gtag(...) pushes. */
  function argumentsOf(..._values: unknown[]): IArguments {
    // eslint-disable-next-line prefer-rest-params
    return arguments
  }

  afterEach(() => {
    for (const standIn of installed) standIn.remove()
    installed = []
    delete page.__vendorCalls
  })

  describe('gtagStandIn', () => {
    it('records queued and later commands', () => {
      page.dataLayer = [argumentsOf('js', 'now'), { event: 'gtm.js' }]

      install(gtagStandIn(), 'https://www.googletagmanager.com/gtag/js?id=G-1')
      ;(page.dataLayer as unknown[]).push(argumentsOf('event', 'login', {}))

      expect(recorded()).to.deep.equal([
        { vendor: 'gtag', args: ['js', 'now'], dataLayer: 'dataLayer' },
        {
          vendor: 'gtag',
          args: ['event', 'login', {}],
          dataLayer: 'dataLayer',
        },
      ])
    })

    it('reads the data layer name from l', () => {
      install(
        gtagStandIn(),
        'https://www.googletagmanager.com/gtag/js?id=G-1&l=ga4DataLayer',
      )
      ;(page.ga4DataLayer as unknown[]).push(argumentsOf('config', 'G-1'))

      expect(recorded()).to.deep.equal([
        { vendor: 'gtag', args: ['config', 'G-1'], dataLayer: 'ga4DataLayer' },
      ])
    })

    it('records a command once for two tags', () => {
      const url = 'https://www.googletagmanager.com/gtag/js?id='
      install(gtagStandIn(), `${url}AW-1`)
      install(gtagStandIn(), `${url}AW-2`)

      ;(page.dataLayer as unknown[]).push(argumentsOf('event', 'x'))

      expect(recorded()).to.have.length(1)
    })

    it('removes the data layers it saw', () => {
      const standIn = gtagStandIn()
      install(
        standIn,
        'https://www.googletagmanager.com/gtag/js?l=ga4DataLayer',
      )
      page.gtag = () => {}

      standIn.remove()

      expect(page).to.not.have.property('ga4DataLayer')
      expect(page).to.not.have.property('gtag')
    })
  })

  describe('googleTagManagerStandIn', () => {
    it('registers the container and records messages', () => {
      page.dataLayer = [{ event: 'gtm.js' }, argumentsOf('js')]

      install(
        googleTagManagerStandIn(),
        'https://www.googletagmanager.com/gtm.js?id=GTM-1&l=dataLayer&gtm_preview=env-2',
      )
      ;(page.dataLayer as unknown[]).push({ event: 'Signed Up' })

      expect(page.google_tag_manager).to.deep.equal({
        'GTM-1': { dataLayer: { name: 'dataLayer' }, preview: 'env-2' },
      })
      expect(recorded()).to.deep.equal([
        {
          vendor: 'google-tag-manager',
          args: [{ event: 'gtm.js' }],
          dataLayer: 'dataLayer',
        },
        {
          vendor: 'google-tag-manager',
          args: [{ event: 'Signed Up' }],
          dataLayer: 'dataLayer',
        },
      ])
    })

    it('shares dataLayer with gtag', () => {
      install(
        googleTagManagerStandIn(),
        'https://www.googletagmanager.com/gtm.js?id=GTM-1',
      )
      install(gtagStandIn(), 'https://www.googletagmanager.com/gtag/js?id=G-1')

      const layer = page.dataLayer as unknown[]
      layer.push({ event: 'a' })
      layer.push(argumentsOf('event', 'b'))

      expect(recorded().map((call) => call.vendor)).to.deep.equal([
        'google-tag-manager',
        'gtag',
      ])
    })
  })

  describe('facebookPixelStandIn', () => {
    it('takes over the stub and its queue', () => {
      const queue: unknown[][] = [['init', '123']]
      const stub = Object.assign(
        (...args: unknown[]) =>
          stub.callMethod ? stub.callMethod(...args) : queue.push(args),
        {
          queue,
          callMethod: undefined as ((...args: unknown[]) => void) | undefined,
          agent: 'seg',
        },
      )
      page.fbq = stub

      install(
        facebookPixelStandIn(),
        'https://connect.facebook.net/en_US/fbevents.js',
      )
      stub('track', 'PageView')

      expect(recorded()).to.deep.equal([
        { vendor: 'facebook-pixel', args: ['init', '123'] },
        { vendor: 'facebook-pixel', args: ['track', 'PageView'] },
      ])
      expect(stub.queue).to.deep.equal([])
      expect(stub.agent).to.equal('seg')
    })

    it('makes fbq when the page has none', () => {
      install(
        facebookPixelStandIn(),
        'https://connect.facebook.net/en_US/fbevents.js',
      )

      ;(page.fbq as (...args: unknown[]) => void)('init', '9')

      expect(recorded()).to.deep.equal([
        { vendor: 'facebook-pixel', args: ['init', '9'] },
      ])
    })
  })

  describe('adwordsStandIn', () => {
    it('records a copy of the parameters', () => {
      install(
        adwordsStandIn(),
        'https://www.googleadservices.com/pagead/conversion_async.js',
      )
      const parameters = { google_conversion_id: 1, google_custom_params: {} }

      const sent = (page.google_trackConversion as (p: unknown) => boolean)(
        parameters,
      )
      parameters.google_conversion_id = 2

      expect(sent).to.equal(true)
      expect(recorded()).to.deep.equal([
        {
          vendor: 'adwords',
          args: [{ google_conversion_id: 1, google_custom_params: {} }],
        },
      ])
    })
  })

  describe('floodlightStandIn', () => {
    it('records each pixel with its element', () => {
      const tag =
        'https://1234.fls.doubleclick.net/activityi;src=1234;type=t;cat=c;ord=1?'
      const id = 'https://cm.g.doubleclick.net/pixel?google_nid=n'
      const standIn = floodlightStandIn()

      install(standIn, tag, 'iframe')
      install(standIn, id, 'img')

      expect(recorded()).to.deep.equal([
        {
          vendor: 'doubleclick-floodlight',
          args: [{ element: 'iframe', url: tag }],
        },
        {
          vendor: 'doubleclick-floodlight',
          args: [{ element: 'img', url: id }],
        },
      ])
      expect(standIn.matches({ element: 'script', url: tag })).to.equal(false)
    })
  })

  describe('retentionScienceStandIn', () => {
    it('records queued and later commands', () => {
      page._rsq = [['_setSiteId', '9']]

      install(
        retentionScienceStandIn(),
        'https://d1stxfv94hrhia.cloudfront.net/waves/v2/w.js',
      )
      ;(page._rsq as unknown[]).push(['_track'])

      expect(recorded()).to.deep.equal([
        { vendor: 'retention-science', args: ['_setSiteId', '9'] },
        { vendor: 'retention-science', args: ['_track'] },
      ])
    })
  })
})
