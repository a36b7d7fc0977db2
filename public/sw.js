/*
 * Gouji offline support: a small hand-written service worker. It only ever talks to the app's
 * own origin. Pages (navigations) are network-first so a new deploy is picked up; hashed build
 * assets are cache-first; other same-origin files (pdf.js cmaps, fonts, the sample) are served
 * from the cache and refreshed in the background. After the first visit the app works offline.
 */
const CACHE = 'gouji-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(['./', './index.html']).catch(() => undefined))
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
          c.match(u).then((hit) => hit || fetch(u).then((r) => (r.ok ? c.put(u, r) : undefined)).catch(() => undefined)),
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
            caches.open(CACHE).then((c) => c.put('./', copy));
          }
          return res;
        })
        .catch(() => caches.match('./').then((r) => r || caches.match('./index.html')).then((r) => r || Response.error())),
    );
    return;
  }

  const hashed = /\/assets\//.test(url.pathname);
  event.respondWith(
    caches.open(CACHE).then((c) =>
      c.match(req).then((hit) => {
        const network = fetch(req)
          .then((res) => {
            if (res.ok && res.type === 'basic') c.put(req, res.clone());
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
