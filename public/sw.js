/*
 * Gouji offline support: a small hand-written service worker. It only ever talks to the app's
 * own origin. Pages (navigations) are network-first so a new deploy is picked up; hashed build
 * assets are cache-first; other same-origin files (pdf.js cmaps, fonts, the sample) are served
 * from the cache and refreshed in the background. After the first visit the app works offline.
 *
 * Vary: servers such as `vite preview` answer with `Vary: Origin`. A module script is requested
 * with an Origin header, the warm-up fetch and a reload without one, so a lookup that honoured
 * Vary would miss and the app would load blank offline. The app's files do not depend on the
 * requesting origin: responses are stored without Vary and looked up with ignoreVary.
 */
const CACHE = 'gouji-v2';
const LOOKUP = { ignoreVary: true };

/** A copy of a response fit for the cache: the same body and headers, minus Vary. */
function storable(res) {
  if (!res.headers.has('vary')) return res;
  const headers = new Headers(res.headers);
  headers.delete('vary');
  return res.blob().then((body) => new Response(body, { status: res.status, statusText: res.statusText, headers }));
}
function store(cache, key, res) {
  return Promise.resolve(storable(res)).then((r) => cache.put(key, r));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => Promise.all(['./', './index.html'].map((u) => fetch(u).then((r) => (r.ok ? store(c, u, r) : undefined)))).catch(() => undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gouji-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The page sends the URLs it loaded before this worker took control, so they are cached too. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && new URL(u).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then((c) =>
      Promise.all(
        urls.map((u) =>
          c.match(u, LOOKUP).then((hit) => hit || fetch(u).then((r) => (r.ok ? store(c, u, r) : undefined)).catch(() => undefined)),
        ),
      ),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || req.headers.has('range')) return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => store(c, './', copy));
          }
          return res;
        })
        .catch(() => caches.match('./', LOOKUP).then((r) => r || caches.match('./index.html', LOOKUP)).then((r) => r || Response.error())),
    );
    return;
  }

  const hashed = /\/assets\//.test(url.pathname);
  event.respondWith(
    caches.open(CACHE).then((c) =>
      c.match(req, LOOKUP).then((hit) => {
        const network = fetch(req)
          .then((res) => {
            if (res.ok && res.type === 'basic') void store(c, req, res.clone());
            return res;
          })
          .catch((e) => {
            if (hit) return hit;
            throw e;
          });
        if (hit) {
          if (!hashed) event.waitUntil(network.catch(() => undefined));
          return hit;
        }
        return network;
      }),
    ),
  );
});
