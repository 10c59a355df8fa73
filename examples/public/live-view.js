/* global document, EventSource */
// The live view: messages as the collector stored them and calls reported by
// stand-in vendor scripts, newest first, fed by the server's event stream.
;(function () {
  // Rows beyond this are dropped from the bottom, so a long session stays fast.
  var MAX_ROWS = 200

  var eventList = document.getElementById('event-list')
  var vendorPanels = document.getElementById('vendor-panels')
  var vendorHint = document.getElementById('vendor-hint')
  var streamState = document.getElementById('stream-state')

  function element(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }

  function prepend(list, row) {
    list.insertBefore(row, list.firstChild)
    while (list.children.length > MAX_ROWS) list.removeChild(list.lastChild)
  }

  function identityText(message) {
    var parts = []
    if (message.userId) parts.push('userId ' + message.userId)
    if (message.anonymousId) parts.push('anonymousId ' + message.anonymousId)
    return parts.join(' · ') || 'no ids'
  }

  function eventRow(record) {
    var message = record.message
    var title = message.event || message.name || message.groupId || ''
    if (message.type === 'alias') {
      title = message.previousId + ' → ' + message.userId
    } else if (message.type === 'page' && !title) {
      title = (message.properties && message.properties.path) || ''
    }

    var row = element('li', 'event-row')
    row.dataset.type = message.type
    row.dataset.messageId = message.messageId || ''
    var details = element('details')
    var summary = element('summary')
    summary.appendChild(
      element('span', 'badge badge-' + message.type, message.type),
    )
    summary.appendChild(element('span', 'event-name', title))
    summary.appendChild(
      element('code', 'message-id', message.messageId || '(no messageId)'),
    )
    summary.appendChild(element('span', 'ids', identityText(message)))
    details.appendChild(summary)
    details.appendChild(element('pre', 'json', JSON.stringify(record, null, 2)))
    row.appendChild(details)
    return row
  }

  function vendorPanel(destination) {
    var panels = vendorPanels.querySelectorAll('section[data-destination]')
    for (var i = 0; i < panels.length; i += 1) {
      if (panels[i].dataset.destination === destination) return panels[i]
    }
    var panel = element('section', 'vendor-panel')
    panel.dataset.destination = destination
    panel.appendChild(element('h3', null, destination))
    panel.appendChild(element('ol', 'vendor-calls'))
    vendorPanels.appendChild(panel)
    vendorHint.hidden = true
    return panel
  }

  function addVendorCall(record) {
    var list = vendorPanel(record.destination).querySelector('ol')
    var row = element('li', 'vendor-call')
    row.appendChild(
      element('pre', 'json', JSON.stringify(record.call, null, 2)),
    )
    prepend(list, row)
  }

  function clearVendorCalls() {
    vendorPanels.textContent = ''
    vendorHint.hidden = false
  }

  function parse(handler) {
    return function (event) {
      handler(JSON.parse(event.data))
    }
  }

  var stream = new EventSource('/events/stream')
  stream.addEventListener('open', function () {
    streamState.textContent = 'live'
  })
  stream.addEventListener('error', function () {
    streamState.textContent = 'reconnecting…'
  })
  // A snapshot arrives on every (re)connect and replaces what is shown.
  stream.addEventListener(
    'events',
    parse(function (records) {
      eventList.textContent = ''
      records.forEach(function (record) {
        prepend(eventList, eventRow(record))
      })
    }),
  )
  stream.addEventListener(
    'event',
    parse(function (record) {
      prepend(eventList, eventRow(record))
    }),
  )
  stream.addEventListener('events-cleared', function () {
    eventList.textContent = ''
  })
  stream.addEventListener(
    'vendor-calls',
    parse(function (records) {
      clearVendorCalls()
      records.forEach(addVendorCall)
    }),
  )
  stream.addEventListener('vendor-call', parse(addVendorCall))
  stream.addEventListener('vendor-calls-cleared', clearVendorCalls)

  document
    .getElementById('clear-events')
    .addEventListener('click', function () {
      fetch('/events', { method: 'DELETE' })
    })
  document
    .getElementById('clear-vendor-calls')
    .addEventListener('click', function () {
      fetch('/vendor-calls', { method: 'DELETE' })
    })
})()
