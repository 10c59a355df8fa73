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
 * `window.analytics` is still the snippet's stub, it gives each event call a
 * messageId and a time. It stores the first 500 such calls in localStorage
 * under `clickstream:stub:<writeKey>:<page token>` every second and at the
 * end of each task that made one. That write is a microtask, so it runs
 * before the page can handle a close. Chromium fires no `pagehide` for a
 * page still loading, so a tab closed before the bundle ran leaves the
 * record behind, and the next page load of the site sends its calls once
 * the record is 3 s old. When the
 * bundle runs on this page, it takes the record back and replays the stub
 * with the same messageIds and times, so a call that two pages send arrives
 * twice with one messageId. On start, it removes records older than a day
 * and all but the 10 newest, since a blocked bundle never takes them.
 * Plain ES5, since sites paste it as is.
 */
export function renderCallKeeper() {
  return `!function(){var w=window,a=w.analytics,s,key,times=[],ids=[],jsons=[],timer,push,i,queued=0,
m=["track","page","screen","identify","group","alias"],start=+new Date,P="clickstream:stub:";
if(!(a instanceof Array)||a._keptKey)return;try{s=w.localStorage;s.length}catch(x){return}
function ev(c){return c instanceof Array&&m.indexOf(c[0])>-1}
function uuid(){var c=w.crypto,b=[],h="",j;for(j=0;j<16;j++)b[j]=Math.random()*256|0;
if(c&&c.getRandomValues)b=c.getRandomValues(new Uint8Array(16));b[6]=b[6]&15|64;b[8]=b[8]&63|128;
for(j=0;j<16;j++){h+=(b[j]+256).toString(16).slice(1);if(j==3||j==5||j==7||j==9)h+="-"}return h}
function keep(c,t){if(times.length>=500)return;var j=null;try{j=JSON.stringify(c)}catch(x){}
times.push(t);ids.push(uuid());jsons.push(j)}
function save(closing){if(w.analytics!==a){clearInterval(timer);return}if(!times.length)return;
var c=[],t=[],d=[],j;for(j=0;j<jsons.length;j++)if(jsons[j]!==null){c.push(jsons[j]);t.push(times[j]);d.push(JSON.stringify(ids[j]))}
try{s.setItem(key,'{"start":'+start+',"at":'+(closing?0:+new Date)+',"calls":['+c.join(",")+'],"times":['+t.join(",")+'],"ids":['+d.join(",")+']}')}catch(x){}}
try{var old=[],k,r;for(i=0;i<s.length;i++){k=s.key(i);if(k&&k.indexOf(P)===0){try{r=JSON.parse(s.getItem(k)).start}catch(x){r=0}old.push([r||0,k])}}
old.sort(function(x,y){return y[0]-x[0]});for(i=0;i<old.length;i++)if(i>=10||start-old[i][0]>864e5)s.removeItem(old[i][1])}catch(x){}
for(i=0;i<a.length;i++)if(ev(a[i]))keep(a[i],start);
key=P+(a._writeKey||"")+":"+start.toString(36)+Math.random().toString(36).slice(2);
a._keptKey=key;a._keptIds=ids;a._keptTimes=times;push=a.push;
a.push=function(c){var r=push.apply(a,arguments);if(ev(c)){keep(c,+new Date);if(!queued){queued=1;Promise.resolve().then(function(){queued=0;save()})}}return r};
timer=setInterval(save,1000);w.addEventListener("pagehide",function(){save(1)});save()}();`
}
