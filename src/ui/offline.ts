import { warmAnalysisWorker } from '../worker/client';

/** Registers the service worker (public/sw.js) relative to the page, so any sub-path works. */
export function registerOfflineSupport(): void {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const sw = new URL('sw.js', document.baseURI);
  // A page the service worker controlled from the start fetched everything through it, workers
  // included: the first visit (or the first after a new service worker) is the one to fill the cache.
  const controlledFromStart = !!navigator.serviceWorker.controller;
  navigator.serviceWorker
    .register(sw, { scope: new URL('./', document.baseURI).pathname })
    .then(() => navigator.serviceWorker.ready)
    .then(
      (reg) =>
        // Files fetched before the service worker controls the page bypass it: wait for control.
        new Promise<ServiceWorkerRegistration>((ok) => {
          if (navigator.serviceWorker.controller) ok(reg);
          else navigator.serviceWorker.addEventListener('controllerchange', () => ok(reg), { once: true });
        }),
    )
    .then((reg) => {
      const send = () => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => u.startsWith(location.origin));
        reg.active?.postMessage({ type: 'cache-urls', urls: [location.href.split('#')[0], ...urls] });
      };
      send();
      // Fetch, through the service worker, what a first analysis would need, so the app also works
      // offline when the first visit ended before any document was opened. The drawing worker is
      // started on every visit (the pages need it ready); the throwaway analysis worker only on a
      // visit that began outside the service worker: later, it would load pdf.js for nothing, taking
      // a core from the standby workers' practice.
      setTimeout(() => {
        void import('./components/ReviewWorkspace.vue').catch(() => undefined);
        void import('./pdf/display').then((d) => d.warmDisplay()).catch(() => undefined);
        if (!controlledFromStart) warmAnalysisWorker();
      }, 500);
      setTimeout(send, 10_000);
    })
    .catch(() => {
      /* offline support is a bonus; the app works without it */
    });
}
