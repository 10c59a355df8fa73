// Forwards each call a stand-in vendor script records to the demo server,
// which shows it in the live view beside the collector's messages. Loaded
// before the snippet so calls made while vendor scripts load are kept.
;(function () {
  var NAMES = {
    'facebook-pixel': 'Facebook Pixel',
    'google-tag-manager': 'Google Tag Manager',
    adwords: 'AdWords',
    'retention-science': 'Retention Science',
  }

  // gtag.js serves two destinations, distinguished by their data layer.
  function destinationOf(record) {
    if (record.vendor === 'gtag') {
      return record.dataLayer === 'ga4DataLayer'
        ? 'Google Analytics 4'
        : 'Google AdWords New'
    }
    return NAMES[record.vendor] || record.vendor
  }

  window.__onVendorCall = function (record) {
    fetch('/vendor-calls', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        destination: destinationOf(record),
        call: record.args,
      }),
    }).catch(function () {})
  }
})()
