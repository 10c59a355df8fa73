/** Version of Segment's snippet below, as published in @segment/snippet. */
export const SNIPPET_VERSION = '5.2.1'

const WRITE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,100}$/

/**
 * Renders Segment's minified analytics.js snippet (5.2.1, rendered with
 * `useHostForBundles`), which customers paste verbatim. Only the custom-domain
 * set-up is applied: `https://cdn.segment.com` becomes `cdnOrigin` in the
 * bundle URL and in `analytics._cdn`, and the write key is filled in. The
 * origin keeps its own scheme because the demo serves plain http on
 * 127.0.0.1, while a real custom domain is https. `loadOptions`, when given,
 * becomes the second argument of the snippet's `analytics.load` call.
 */
export function renderSnippet({ cdnOrigin, writeKey, loadOptions }) {
  assertOrigin(cdnOrigin)
  if (!WRITE_KEY_PATTERN.test(writeKey)) {
    throw new Error(
      `Invalid write key ${JSON.stringify(writeKey)}: use 1 to 100 letters, digits, "_" or "-"`,
    )
  }

  return `!function(){var i="analytics",analytics=window[i]=window[i]||[];if(!analytics.initialize)if(analytics.invoked)window.console&&console.error&&console.error("Segment snippet included twice.");else{analytics.invoked=!0;analytics.methods=["trackSubmit","trackClick","trackLink","trackForm","pageview","identify","reset","group","track","ready","alias","debug","page","screen","once","off","on","addSourceMiddleware","addIntegrationMiddleware","setAnonymousId","addDestinationMiddleware","register"];analytics.factory=function(e){return function(){if(window[i].initialized)return window[i][e].apply(window[i],arguments);var n=Array.prototype.slice.call(arguments);if(["track","screen","alias","group","page","identify"].indexOf(e)>-1){var c=document.querySelector("link[rel='canonical']");n.push({__t:"bpc",c:c&&c.getAttribute("href")||void 0,p:location.pathname,u:location.href,s:location.search,t:document.title,r:document.referrer})}n.unshift(e);analytics.push(n);return analytics}};for(var n=0;n<analytics.methods.length;n++){var key=analytics.methods[n];analytics[key]=analytics.factory(key)}analytics.load=function(key,n){var t=document.createElement("script");t.type="text/javascript";t.async=!0;t.setAttribute("data-global-segment-analytics-key",i);t.src="${cdnOrigin}/analytics.js/v1/" + key + "/analytics.min.js";var r=document.getElementsByTagName("script")[0];r.parentNode.insertBefore(t,r);analytics._loadOptions=n};analytics._writeKey="${writeKey}";analytics._cdn = "${cdnOrigin}";analytics.SNIPPET_VERSION="5.2.1";
analytics.load("${writeKey}"${renderLoadOptions(loadOptions)});
analytics.page();
}}();`
}

// Load options go in the snippet's load call, where Segment's docs put them.
// JSON with `<` escaped cannot close the surrounding script element.
function renderLoadOptions(loadOptions) {
  if (loadOptions === undefined) return ''
  return `, ${JSON.stringify(loadOptions).replace(/</g, '\\u003c')}`
}

// The origin is written into a JavaScript string inside HTML, so only a
// canonical http(s) origin is accepted: no path, quote or markup can pass.
function assertOrigin(origin) {
  let parsed
  try {
    parsed = new URL(origin)
  } catch {
    parsed = null
  }
  const valid =
    parsed !== null &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.origin === origin
  if (!valid) {
    throw new Error(
      `Invalid CDN origin ${JSON.stringify(origin)}: expected scheme, host and optional port, such as http://127.0.0.1:8080`,
    )
  }
}

/**
 * Renders the call keeper, pasted right after the snippet. While
 * `window.analytics` is still the snippet's stub, it copies the queued event
 * calls, with the time of each, to localStorage under
 * `clickstream:stub:<writeKey>:<page token>` on every call, and refreshes the
 * record every second. A tab closed before the bundle ran (Chromium fires no
 * `pagehide` for a page still loading) leaves the record behind, and the
 * next page load of the site sends its calls once the record is 3 s old.
 * When the bundle runs on this page, it takes the record back, or skips the
 * calls another page already sent (`_keptCount`). Plain ES5, since sites
 * paste it as is.
 */
export function renderCallKeeper() {
  return `!function(){var w=window,a=w.analytics,s,key,times=[],written=0,timer,
m=["track","page","screen","identify","group","alias"],push,i,start=+new Date;
if(!(a instanceof Array)||a._keptKey)return;try{s=w.localStorage}catch(x){return}
function ev(c){return c instanceof Array&&m.indexOf(c[0])>-1}
function save(closing){if(w.analytics!==a){clearInterval(timer);return}
try{var k=[],n;if(written&&s.getItem(key)===null){for(i=0,n=0;i<a.length&&n<written;)
if(ev(a[i])){a.splice(i,1);times.shift();n++}else i++;written=0}
for(i=0;i<a.length;i++)if(ev(a[i]))k.push(a[i]);if(!k.length)return;
s.setItem(key,JSON.stringify({at:closing?0:+new Date,calls:k,times:times}));
written=k.length;a._keptCount=written}catch(x){}}
for(i=0;i<a.length;i++)if(ev(a[i]))times.push(start);
key="clickstream:stub:"+a._writeKey+":"+start.toString(36)+Math.random().toString(36).slice(2);
a._keptKey=key;a._keptCount=0;push=a.push;
a.push=function(c){var r=push.apply(a,arguments);if(ev(c)){times.push(+new Date);save()}return r};
timer=setInterval(save,1000);w.addEventListener("pagehide",function(){save(1)});save()}();`
}
