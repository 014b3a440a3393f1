// Legs at Night service worker. The two placeholders below are filled in at build time
// by `xtask post-build` from the built files' content; never edit the list by hand.
const VERSION = "__LAN_VERSION__";
const PRECACHE = __LAN_PRECACHE__;
const CACHE = "lan-shell-" + VERSION;
const SHELL = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the user taps "Reload".
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith("lan-shell-") && key !== CACHE).map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") {
    self.skipWaiting();
  }
  if (event.data && event.data.type === "GET_VERSION" && event.ports[0]) {
    event.ports[0].postMessage({ version: VERSION });
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Every route is the same single-page app: answer from the cached shell.
    event.respondWith(
      caches.match(SHELL, { cacheName: CACHE }).then((cached) => cached || fetch(request))
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((cached) => cached || fetch(request))
  );
});
