import { Page, Track } from '@segment/facade'
import { expect } from 'chai'
import {
  clickParameters,
  pageParameters,
} from '../../../../integrations/google-ads/parameters'

function track(event: string, properties: Record<string, unknown>): Track {
  return new Track({ type: 'track', event, properties })
}

describe('google-ads pageParameters', () => {
  const page = new Page({
    type: 'page',
    name: 'Pricing',
    properties: { path: '/pricing', url: 'http://shop.example.test/pricing' },
  })

  it('sends the page properties, its name and send_to', () => {
    const parameters = pageParameters(page, 'AW-1/abc')

    expect(parameters).to.deep.equal({
      path: '/pricing',
      url: 'http://shop.example.test/pricing',
      name: 'Pricing',
      send_to: 'AW-1/abc',
    })
  })

  it('adds value, currency and the order ID from the call options', () => {
    const parameters = pageParameters(page, 'AW-1/abc', {
      value: 2,
      currency: 'EUR',
      order_id: 'o-1',
      ignored: true,
    })

    expect(parameters).to.include({
      value: 2,
      currency: 'EUR',
      transaction_id: 'o-1',
    })
    expect(parameters).not.to.have.property('ignored')
  })

  it('accepts orderId in any case and leaves out null values', () => {
    const parameters = pageParameters(page, 'AW-1/abc', {
      OrderID: 'o-2',
      value: null,
    })

    expect(parameters.transaction_id).to.equal('o-2')
    expect(parameters).not.to.have.property('value')
  })
})

describe('google-ads clickParameters', () => {
  it('renames the order ID to transaction_id on any event', () => {
    const parameters = clickParameters(
      track('Signed Up', { orderId: 'o-1', plan: 'pro', revenue: 5 }),
      'AW-1/abc',
    )

    expect(parameters).to.deep.equal({
      transaction_id: 'o-1',
      plan: 'pro',
      revenue: 5,
      send_to: 'AW-1/abc',
    })
  })

  it('prefers an id property as order ID', () => {
    const parameters = clickParameters(
      track('Signed Up', { id: 'x', order_id: 'y' }),
      'AW-1/abc',
    )

    expect(parameters).to.deep.equal({
      id: 'x',
      order_id: 'y',
      transaction_id: 'x',
      send_to: 'AW-1/abc',
    })
  })

  it('sends revenue as value for Order Completed', () => {
    const parameters = clickParameters(
      track('Order Completed', { order_id: 'o-1', revenue: 25, total: 30 }),
      'AW-1/abc',
    )

    expect(parameters).to.deep.equal({
      transaction_id: 'o-1',
      value: 25,
      total: 30,
      send_to: 'AW-1/abc',
    })
  })

  it('falls back to the total as value when an order has no revenue', () => {
    const parameters = clickParameters(
      track('completed_order', { order_id: 'o-1', total: 30 }),
      'AW-1/abc',
    )

    expect(parameters).to.include({ value: 30, transaction_id: 'o-1' })
  })
})
