/*
 * Service worker of the field app (供热移动运维), emitted as field-sw.js next to field.html by pwa/plugin.mjs, which
 * replaces the two placeholders with the build's version and the files of the field entry (the app shell).
 * Registered with scope "./field", so it controls field.html only, never the console.
 *  - install: caches the app shell; activate: drops the caches of older builds;
 *  - field.html: network first (an upgrade is picked up at once), the cached shell when offline or slow;
 *  - the shell's hashed assets: cache first;
 *  - API calls (…/api/…) and everything else: not touched — data lives in IndexedDB, never served stale from here.
 */
const VERSION = '__FIELD_VERSION__'
const SHELL = __FIELD_SHELL__
const CACHE = 'heatdesk-field-' + VERSION
const PAGE = new URL('field.html', self.registration.scope.replace(/field$/, '')).href
const SHELL_URLS = new Set(SHELL.map((p) => new URL(p, self.location.href).href))
const NETWORK_TIMEOUT_MS = 4000

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll([...SHELL_URLS])).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('heatdesk-field-') && key !== CACHE) await caches.delete(key)
    }
    await self.clients.claim()
  })())
})

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms)
    promise.then((v) => { clearTimeout(t); resolve(v) }, (e) => { clearTimeout(t); reject(e) })
  })
}

async function pageFirstFromNetwork(request) {
  const cache = await caches.open(CACHE)
  try {
    // (a navigate request cannot be re-created with options; field.html is served with no-cache anyway)
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS)
    if (response.ok) await cache.put(PAGE, response.clone())
    return response
  } catch (e) {
    const cached = await cache.match(PAGE)
    if (cached) return cached
    throw e
  }
}

async function assetFromCache(request) {
  const cache = await caches.open(CACHE)
  // ignoreVary: Spring answers "Vary: Origin"; the page's module scripts are requested in CORS mode with an Origin
  // header that the install-time request had not — the hashed file is the same either way
  const cached = await cache.match(request, { ignoreSearch: true, ignoreVary: true })
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || url.pathname.includes('/api/')) return
  const bare = url.origin + url.pathname
  if (request.mode === 'navigate' || bare === PAGE) {
    if (bare === PAGE) event.respondWith(pageFirstFromNetwork(request))
    return
  }
  if (SHELL_URLS.has(bare) || /\/assets\/[^/]+$/.test(url.pathname)) event.respondWith(assetFromCache(request))
})
