// Legs at Night service worker. The two placeholders below are filled in at build time
// by `xtask post-build` from the built files' content; never edit the list by hand.
const VERSION = "__LAN_VERSION__";
const PRECACHE = __LAN_PRECACHE__;
const CACHE = "lan-shell-" + VERSION;
// The empty page the app starts from, for addresses without a prerendered page of their own.
const SHELL = new URL("shell.html", self.registration.scope).href;

// The prerendered page for a navigation: `learn/neuropathy` -> `learn/neuropathy/index.html`.
function pageFor(url) {
  const scope = new URL(self.registration.scope).pathname;
  const path = new URL(url).pathname;
  const route = (path.startsWith(scope) ? path.slice(scope.length) : "").replace(/\/+$/, "");
  return new URL(route ? route + "/index.html" : "index.html", self.registration.scope).href;
}

// What a first start needs comes first (the page, its style and scripts inline, then the main
// module and its loader), then the pages, then their shared chunks; a few files at a time,
// so the offline copy never crowds out what the person is using.
const FIRST = /(index\.html|shell\.html|legs-at-night\.js|legs-at-night_bg\.wasm|__wasm_split\.js)$/;
const PAGES = /split_\w+\.wasm$/;
const rank = (url) => (FIRST.test(url) ? 0 : PAGES.test(url) ? 1 : 2);
const AT_A_TIME = 4;

// Every file's expected sha256 and size, by its full address without a query.
const EXPECTED = new Map(
  PRECACHE.map(([path, sha256, size]) => [new URL(path, self.location).href, { sha256, size }])
);
const bare = (url) => {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  return u.href;
};

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// True when `response` holds exactly the file the build listed. A captive portal answers
// 200 with its login page; a dropped connection leaves a file cut short: both fail here.
async function holdsExpected(url, response) {
  const expected = EXPECTED.get(bare(url));
  if (!expected || !response || !response.ok) {
    return false;
  }
  const bytes = await response.clone().arrayBuffer();
  return bytes.byteLength === expected.size && (await sha256Hex(bytes)) === expected.sha256;
}

// The file from the network, only if it is the listed one; otherwise an error that names it.
async function fetchChecked(url) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!(await holdsExpected(url, response))) {
    throw new Error(`${url} is not the file this version lists (status ${response.status}, ${response.headers.get("content-type")})`);
  }
  return response;
}

// A failed check fails the install: the new version is dropped and the one running stays,
// rather than a cache of login pages becoming the app.
async function precache() {
  const cache = await caches.open(CACHE);
  const ordered = PRECACHE.map(([path]) => new URL(path, self.location).href).sort((a, b) => rank(a) - rank(b));
  for (let i = 0; i < ordered.length; i += AT_A_TIME) {
    await Promise.all(
      ordered.slice(i, i + AT_A_TIME).map(async (url) => cache.put(url, await fetchChecked(url)))
    );
  }
}

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the user taps "Reload".
  event.waitUntil(
    precache().catch((error) =>
      caches.delete(CACHE).then(() => {
        throw error;
      })
    )
  );
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

// A cached file is served only after the same check as at install: one damaged later (a
// disk fault, a cleaner, a test) is fetched again, and the cache repaired, instead of
// failing every visit until the next release. Offline, the damaged copy is all there is.
async function checkedFromCache(url) {
  const cached = await caches.match(url, { cacheName: CACHE, ignoreSearch: true });
  if (!cached || (await holdsExpected(url, cached))) {
    return cached;
  }
  try {
    const fresh = await fetchChecked(bare(url));
    const cache = await caches.open(CACHE);
    await cache.put(bare(url), fresh.clone());
    return fresh;
  } catch (error) {
    console.warn("a damaged cached file could not be repaired yet:", error.message);
    return cached;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // A page's own prerendered file, else the shell (a saved result, an unknown address).
    event.respondWith(
      checkedFromCache(pageFor(request.url))
        .then((page) => page || checkedFromCache(SHELL))
        .then((cached) => cached || fetch(request))
    );
    return;
  }
  event.respondWith(checkedFromCache(request.url).then((cached) => cached || fetch(request)));
});

// A tapped reminder notification opens the app with the action in the URL: the worker
// cannot read local storage, so the page applies it.
self.addEventListener("notificationclick", (event) => {
  const data = event.notification.data || {};
  event.notification.close();
  const action = event.action === "snooze" ? "snooze" : event.action === "done" ? "done" : "";
  const url = new URL("reminders", self.registration.scope);
  if (action && data.r !== undefined) {
    url.search = new URLSearchParams({ act: action, r: String(data.r), day: String(data.day) }).toString();
  }
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url.startsWith(self.registration.scope));
      if (open) {
        return open.navigate(url.href).then((w) => (w || open).focus());
      }
      return self.clients.openWindow(url.href);
    })
  );
});

// Best effort, installed Chromium apps only: now and then, show what the page's plan in the
// "lan-data" cache says is due in the last 15 minutes. The page decides (done, skipped and
// snoozed nights, the start day: core/src/reminders/due.rs, `worker_plan`); the worker only shows.
// A copy in an older shape (a plain list) decides nothing, so it shows nothing.
const NOTICE_WINDOW_MS = 15 * 60 * 1000;

function dueNow(plan, now) {
  const due = plan && Array.isArray(plan.due) ? plan.due : [];
  return due.filter((n) => n.at <= now && now - n.at < NOTICE_WINDOW_MS);
}

self.addEventListener("periodicsync", (event) => {
  if (event.tag !== "lan-reminders") {
    return;
  }
  event.waitUntil(
    caches
      .open("lan-data")
      .then((cache) => cache.match("reminders.json"))
      .then((response) => (response ? response.json() : null))
      .then((plan) =>
        Promise.all(
          dueNow(plan, Date.now()).map((n) =>
            self.registration.showNotification(n.label, {
              body: "Heavy emollient on soles and heels. Never between the toes.",
              tag: "reminder-" + n.id + "-" + n.day,
              icon: "icons/icon-192.png",
            })
          )
        )
      )
  );
});
