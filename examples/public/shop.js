/* global document, window */
// The shop's calls to analytics.js. Every handler reads `window.analytics`
// when it runs: before the bundle loads that is the snippet's stub, which
// queues the call, and afterwards the loaded library.
;(function () {
  var PRODUCTS = [
    {
      product_id: 'sku-door',
      sku: 'SD-955',
      name: 'Sliding Door',
      category: 'Doors',
      price: 955,
    },
    {
      product_id: 'sku-shelf',
      sku: 'OS-120',
      name: 'Oak Shelf',
      category: 'Storage',
      price: 120,
    },
    {
      product_id: 'sku-lamp',
      sku: 'DL-045',
      name: 'Desk Lamp',
      category: 'Lighting',
      price: 45,
    },
  ]
  var CURRENCY = 'EUR'
  var cart = []
  var orderCount = 0

  function analytics() {
    return window.analytics
  }

  function findProduct(id) {
    return PRODUCTS.filter(function (product) {
      return product.product_id === id
    })[0]
  }

  function productProperties(product, quantity) {
    return {
      product_id: product.product_id,
      sku: product.sku,
      name: product.name,
      category: product.category,
      price: product.price,
      quantity: quantity,
      currency: CURRENCY,
    }
  }

  function cartTotal() {
    return cart.reduce(function (sum, item) {
      return sum + item.price * item.quantity
    }, 0)
  }

  var actions = {
    'view-product': function (button) {
      var product = findProduct(button.dataset.product)
      analytics().track('Product Viewed', productProperties(product, 1))
    },
    'add-to-cart': function (button) {
      var product = findProduct(button.dataset.product)
      cart.push(productProperties(product, 1))
      analytics().track('Product Added', productProperties(product, 1))
      renderCart()
    },
    'complete-order': function () {
      orderCount += 1
      var total = cartTotal()
      analytics().track('Order Completed', {
        order_id: 'demo-order-' + Date.now() + '-' + orderCount,
        total: total,
        revenue: total,
        currency: CURRENCY,
        products: cart.slice(),
      })
      cart = []
      renderCart()
    },
    identify: function () {
      analytics().identify('user-42', {
        name: 'Ana Example',
        email: 'ana@example.test',
        plan: 'pro',
      })
    },
    group: function () {
      analytics().group('acme-inc', { name: 'Acme Inc', plan: 'enterprise' })
    },
    alias: function () {
      analytics().alias('ana-account-7')
    },
    page: function () {
      analytics().page('Pricing', { plan_count: 3 })
    },
    reset: function () {
      analytics().reset()
    },
  }

  function renderProducts() {
    var list = document.getElementById('products')
    PRODUCTS.forEach(function (product) {
      var item = document.createElement('li')
      item.className = 'product'
      item.appendChild(textElement('h3', product.name))
      item.appendChild(
        textElement('p', product.category + ' · ' + product.price + ' €'),
      )
      item.appendChild(actionButton('View', 'view-product', product))
      item.appendChild(actionButton('Add to cart', 'add-to-cart', product))
      list.appendChild(item)
    })
  }

  function actionButton(label, action, product) {
    var button = textElement('button', label)
    button.type = 'button'
    button.dataset.action = action
    button.dataset.product = product.product_id
    return button
  }

  function textElement(tag, text) {
    var element = document.createElement(tag)
    element.textContent = text
    return element
  }

  function renderCart() {
    var summary = document.getElementById('cart-summary')
    var button = document.querySelector('[data-action="complete-order"]')
    button.disabled = cart.length === 0
    summary.textContent =
      cart.length === 0
        ? 'Your cart is empty.'
        : cart.length + ' item(s), ' + cartTotal() + ' €'
  }

  // `user()` exists only on the loaded library, never on the stub.
  function renderIdentity() {
    var target = document.getElementById('identity')
    var library = analytics()
    if (!library || typeof library.user !== 'function') return
    var user = library.user()
    target.textContent =
      'userId: ' +
      (user.id() || '(none)') +
      ' · anonymousId: ' +
      (user.anonymousId() || '(none)')
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-action]')
    if (!button) return
    actions[button.dataset.action](button)
    renderIdentity()
  })

  renderProducts()
  renderCart()
  analytics().ready(renderIdentity)
})()
