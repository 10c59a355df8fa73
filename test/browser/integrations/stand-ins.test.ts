// The test kit's stand-ins and the stand-in scripts in test/fixtures/vendors
// must record the same calls. Each case sets up the same page twice, runs
// the served script once and the kit's stand-in once in place of the
// vendor's, makes the same calls, and compares what each recorded.
import { expect } from 'chai'
import { installStub } from '../../../integrations/facebook-pixel/stub'
import {
  loadIframe,
  resetLoadedScripts,
  loadScript,
} from '../../../src/integration/loader'
import {
  adwordsStandIn,
  facebookPixelStandIn,
  floodlightStandIn,
  googleTagManagerStandIn,
  gtagStandIn,
  retentionScienceStandIn,
  type StandIn,
  type VendorCall,
} from '../../../src/testing'
import {
  resetPixels,
  rewritePixel,
  waitForPixels,
} from './doubleclick-floodlight/pixels'
import { standInUrl } from './served-stand-ins'

type Page = Record<string, unknown>
const page = window as unknown as Page

interface Scenario {
  /** The vendor URL, whose query the script reads as the real one does. */
  vendorUrl: string
  /** The stand-in script in test/fixtures/vendors. */
  file: string
  standIn(): StandIn
  /** Sets up what the destination would before the script runs. */
  before(): void
  /** Makes the calls the destination would after the script ran. */
  after(): void
  globals: string[]
}

/** Returns a function's `arguments` object, which is what gtag(...) pushes. */
function argumentsOf(..._values: unknown[]): IArguments {
  // eslint-disable-next-line prefer-rest-params
  return arguments
}

function push(global: string, ...entries: unknown[]): void {
  ;(page[global] as unknown[]).push(...entries)
}

const SCENARIOS: Record<string, Scenario> = {
  'gtag.js': {
    vendorUrl: 'https://www.googletagmanager.com/gtag/js?id=G-1&l=ga4Layer',
    file: 'gtag.js',
    standIn: gtagStandIn,
    before() {
      page.ga4Layer = [argumentsOf('js', 'now'), { event: 'gtm.js' }]
    },
    after() {
      push('ga4Layer', argumentsOf('event', 'login', { method: 'x' }))
      push('ga4Layer', { event: 'not a command' })
    },
    globals: ['ga4Layer'],
  },
  'gtm.js': {
    vendorUrl:
      'https://www.googletagmanager.com/gtm.js?id=GTM-1&l=dataLayer&gtm_preview=env-2',
    file: 'gtm.js',
    standIn: googleTagManagerStandIn,
    before() {
      page.dataLayer = [{ 'gtm.start': 1, event: 'gtm.js' }, argumentsOf('js')]
    },
    after() {
      push('dataLayer', { event: 'Signed Up', plan: 'pro' })
      push('dataLayer', argumentsOf('event', 'x'))
    },
    globals: ['dataLayer', 'google_tag_manager'],
  },
  'fbevents.js': {
    vendorUrl: 'https://connect.facebook.net/en_US/fbevents.js',
    file: 'fbevents.js',
    standIn: facebookPixelStandIn,
    before() {
      installStub('seg')('init', '123')
    },
    after() {
      ;(page.fbq as (...args: unknown[]) => void)(
        'track',
        'PageView',
        {},
        {
          eventID: 'm-1',
        },
      )
    },
    globals: ['fbq', '_fbq'],
  },
  'google-conversion-async.js': {
    vendorUrl: 'https://www.googleadservices.com/pagead/conversion_async.js',
    file: 'google-conversion-async.js',
    standIn: adwordsStandIn,
    before() {},
    after() {
      ;(page.google_trackConversion as (parameters: unknown) => void)({
        google_conversion_id: 1,
        google_custom_params: { revenue: 9 },
      })
    },
    globals: ['google_trackConversion'],
  },
  'retention-science.js': {
    vendorUrl: 'https://d1stxfv94hrhia.cloudfront.net/waves/v2/w.js',
    file: 'retention-science.js',
    standIn: retentionScienceStandIn,
    before() {
      page._rsq = [['_setSiteId', '1']]
    },
    after() {
      push('_rsq', ['_addItem', { id: 'p1' }], ['_track'])
    },
    globals: ['_rsq'],
  },
}

/** Returns the recorded calls and removes what the case left on the page. */
function takeCalls(scenario: Scenario): VendorCall[] {
  const calls = (page.__vendorCalls as VendorCall[] | undefined) ?? []
  for (const global of [...scenario.globals, '__vendorCalls']) {
    Reflect.deleteProperty(page, global)
  }
  for (const script of Array.from(
    document.querySelectorAll('script[src*="/__test__/"]'),
  )) {
    script.remove()
  }
  resetLoadedScripts()
  return calls
}

async function recordWithServedScript(
  scenario: Scenario,
): Promise<VendorCall[]> {
  scenario.before()
  await loadScript(standInUrl(scenario.file, scenario.vendorUrl))
  scenario.after()
  return takeCalls(scenario)
}

function recordWithKit(scenario: Scenario): VendorCall[] {
  const standIn = scenario.standIn()
  scenario.before()
  standIn.install({ element: 'script', url: scenario.vendorUrl })
  scenario.after()
  return takeCalls(scenario)
}

describe('stand-ins in the kit and in test/fixtures/vendors', () => {
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    it(`record the same ${name} calls`, async () => {
      const served = await recordWithServedScript(scenario)
      const inPage = recordWithKit(scenario)

      expect(served).to.not.deep.equal([])
      expect(inPage).to.deep.equal(served)
    })
  }

  it('record the same Floodlight pixel', async () => {
    const url =
      'https://1234.fls.doubleclick.net/activityi;src=1234;type=t;cat=c;ord=1?'
    resetPixels()

    await loadIframe(rewritePixel(url))
    const [served] = await waitForPixels(1)
    resetPixels()
    floodlightStandIn().install({ element: 'iframe', url })
    const inPage = (page.__vendorCalls as VendorCall[])[0]?.args[0]
    Reflect.deleteProperty(page, '__vendorCalls')

    expect(inPage).to.deep.equal(served)
  })

  it('record the same gtm.js container', async () => {
    const scenario = SCENARIOS['gtm.js']!

    scenario.before()
    await loadScript(standInUrl(scenario.file, scenario.vendorUrl))
    const served = page.google_tag_manager
    takeCalls(scenario)
    scenario.before()
    scenario.standIn().install({ element: 'script', url: scenario.vendorUrl })
    const inPage = page.google_tag_manager
    takeCalls(scenario)

    expect(inPage).to.deep.equal(served)
  })
})
