/** Registers the service worker (public/sw.js) relative to the page, so any sub-path works. */
export function registerOfflineSupport(): void {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const sw = new URL('sw.js', document.baseURI);
  navigator.serviceWorker
    .register(sw, { scope: new URL('./', document.baseURI).pathname })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const send = () => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => u.startsWith(location.origin));
        reg.active?.postMessage({ type: 'cache-urls', urls: [location.href.split('#')[0], ...urls] });
      };
      send();
      setTimeout(send, 10_000);
    })
    .catch(() => {
      /* offline support is a bonus; the app works without it */
    });
}
