import { expect } from 'chai'
import { Analytics } from '../../../src/analytics'
import { collectorSettings, receivedMessages, waitFor } from './test-server'

function loadAnalytics(writeKey: string): Analytics {
  const analytics = new Analytics()
  analytics.load(writeKey, {
    cdnSettings: { integrations: collectorSettings() },
  })
  return analytics
}

describe('trackLink and trackForm', () => {
  let container: HTMLDivElement

  beforeEach(() => {
    container = document.createElement('div')
    document.body.appendChild(container)
  })

  afterEach(() => {
    container.remove()
  })

  it('tracks a click with built properties', async () => {
    const writeKey = `link-${Date.now()}`
    const analytics = loadAnalytics(writeKey)
    const link = document.createElement('a')
    link.href = '#section'
    link.dataset.sku = 'sku-9'
    container.appendChild(link)

    analytics.trackLink(link, 'Link Clicked', (element) => ({
      sku: (element as HTMLElement).dataset.sku,
    }))
    link.click()
    const received = await waitFor(
      () => receivedMessages(writeKey),
      (list) => list.length >= 1,
    )

    expect(received[0]!.body.event).to.equal('Link Clicked')
    expect(received[0]!.body.properties).to.deep.equal({ sku: 'sku-9' })
  })

  it('a hash link is left to the browser', async () => {
    const writeKey = `nav-${Date.now()}`
    const analytics = loadAnalytics(writeKey).timeout(50)
    const link = document.createElement('a')
    link.href = '#after-track'
    container.appendChild(link)

    analytics.trackClick(link, 'Nav Clicked')
    const event = new MouseEvent('click', { bubbles: true, cancelable: true })
    link.dispatchEvent(event)
    const prevented = event.defaultPrevented
    const hashBefore = location.hash
    await new Promise((resolve) => setTimeout(resolve, 120))

    expect(prevented).to.equal(false)
    expect(hashBefore).to.equal('#after-track')
  })

  it('tracks a form submit, then submits', async () => {
    const writeKey = `form-${Date.now()}`
    const analytics = loadAnalytics(writeKey).timeout(20)
    const frame = document.createElement('iframe')
    frame.name = `form-target-${Date.now()}`
    container.appendChild(frame)
    const form = document.createElement('form')
    form.action = 'about:blank'
    form.target = frame.name
    container.appendChild(form)
    let submitted = 0
    form.submit = () => {
      submitted++
    }

    analytics.trackForm(form, 'Signed Up', { plan: 'pro' })
    form.dispatchEvent(new Event('submit', { cancelable: true }))
    const received = await waitFor(
      () => receivedMessages(writeKey),
      (list) => list.length >= 1,
    )
    await new Promise((resolve) => setTimeout(resolve, 60))

    expect(received[0]!.body.event).to.equal('Signed Up')
    expect(received[0]!.body.properties).to.deep.equal({ plan: 'pro' })
    expect(submitted).to.equal(1)
  })
})
