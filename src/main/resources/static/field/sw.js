// The field app's service worker (scope /field/): Workbox from /field/vendor/workbox/ (unpacked from the npm
// registry at build time, never a CDN). The app's static files are precached with the revisions the server computes
// (/field/app/precache.js); the shell (/field/) and the session (texts, questions) are fetched from the network first
// and kept for offline use, never replaced by a login page; the round's standard likewise.
importScripts('/field/vendor/workbox/workbox-sw.js');
workbox.setConfig({ modulePathPrefix: '/field/vendor/workbox/', debug: false });
importScripts('/field/app/precache.js');

const { precacheAndRoute, cleanupOutdatedCaches } = workbox.precaching;
const { registerRoute } = workbox.routing;
const { NetworkFirst } = workbox.strategies;

precacheAndRoute(self.FIELD_PRECACHE || [], { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

/** Keeps only real answers: not a login page the server redirected to, not an error. */
const onlyRealAnswers = {
  cacheWillUpdate: async ({ response }) => (response && response.ok && !response.redirected ? response : null),
  // a login page instead of the shell (session expired while online): use the kept shell, the app asks to log in
  fetchDidSucceed: async ({ response }) => {
    if (response.redirected || response.status === 401) throw new Error('login needed');
    return response;
  },
};

const shell = new NetworkFirst({ cacheName: 'field-shell', networkTimeoutSeconds: 4, plugins: [onlyRealAnswers] });
registerRoute(({ url }) => url.pathname === '/field/' || url.pathname === '/field/app/session', shell);
registerRoute(({ url }) => url.pathname.startsWith('/api/v1/field/standards/'),
  new NetworkFirst({ cacheName: 'field-standards', networkTimeoutSeconds: 6, plugins: [onlyRealAnswers] }));

// the page that registered this worker was loaded before it: keep the shell and the session now, so the app opens
// without a connection from the next start on
self.addEventListener('install', event => event.waitUntil((async () => {
  const cache = await caches.open('field-shell');
  for (const url of ['/field/', '/field/app/session']) {
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (response.ok && !response.redirected) await cache.put(url, response);
    } catch (e) {
      // offline while installing: the shell is kept at its next load
    }
  }
  await self.skipWaiting();
})()));
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));
