// Service worker: after one visit the standalone app loads and works with no network.
// scripts/post-build.mjs fills BUILD_ID (a hash of every file in the build) and the list of
// files, so each deployment gets a new cache and the old one is deleted on activation.
const BUILD_ID = "{{BUILD_ID}}";
const FILES = {{PRECACHE}};
const CACHE = `front-door-triage-${BUILD_ID}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // "no-cache": ask the server about every file, but take "304, unchanged" for the copy
      // the page has just downloaded, rather than fetch it all a second time.
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "no-cache" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("front-door-triage-") && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// A host may redirect a file the cache asked for (Cloudflare Pages sends /index.html to
// /): the cached copy is then a "redirected" response, which browsers refuse as a page.
// The same bytes and headers as a plain response are what the page needs.
async function plain(response) {
  if (!response || !response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

// Same-origin GETs of the app's files come from the cache; anything else goes to the
// network untouched. Pages fall back to the cached app shell when offline.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const key = url.pathname === "/" ? "/index.html" : url.pathname;
      // Hosts with "pretty" addresses serve /embed.html as /embed: the same cached page.
      const pretty = !/\.[a-z0-9]+$/i.test(key) ? await cache.match(`${key}.html`) : undefined;
      const cached = await plain((await cache.match(key)) ?? pretty);
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch (error) {
        if (request.mode === "navigate") {
          const shell = await plain(await cache.match("/index.html"));
          if (shell) return shell;
        }
        throw error;
      }
    }),
  );
});
