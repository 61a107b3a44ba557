/**
 * Registers the installable site's service worker (built by src/pipeline/pwa.ts), which
 * precaches the deck so that it opens offline after one visit. Only in the served site build:
 * not in dev (no worker there), not in the one-file build, not from file:// (no workers there).
 */

/** Set by vite.config.ts: true only in the site's build (false in dev and in the one file). */
declare const __DECK_SERVICE_WORKER__: boolean | undefined;

/** The build flag; undefined (a dev server without vite.config.ts) counts as false. */
const SITE_BUILD = typeof __DECK_SERVICE_WORKER__ !== 'undefined' && __DECK_SERVICE_WORKER__;

/** The worker's file, next to index.html in the build. */
const WORKER_FILE = './sw.js';

/** Whether this page load should register the worker. */
export function wantsServiceWorker(
  built: boolean,
  where: Pick<Location, 'protocol'>,
  nav: Partial<Pick<Navigator, 'serviceWorker'>>,
): boolean {
  return built && /^https?:$/.test(where.protocol) && !!nav.serviceWorker;
}

/** Registers the worker once the page has loaded (it then downloads the build in the background). */
export function registerServiceWorker(): void {
  // A constant: the one-file build drops the rest of this function.
  if (!SITE_BUILD) return;
  if (!wantsServiceWorker(SITE_BUILD, window.location, navigator)) return;
  const register = (): void => {
    navigator.serviceWorker.register(WORKER_FILE).catch((error: unknown) => {
      console.warn('Офлайн-режим недоступен: service worker не зарегистрирован', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
