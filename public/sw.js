/**
 * 半边天's service worker: the app opens and the capture pages (快速登记, 入户评分, 巡查登记) work with no
 * network after one visit online. Hand-written, no library.
 *
 * - Pages (navigations): network first; offline, the cached app shell (index.html).
 * - /assets/* (hashed, never change under their name): cache first. Only this build's files are kept;
 *   after sign-in the app asks for the capture pages' files to be fetched ahead (`bbt-warm`).
 * - The API GETs the capture forms need (session, org tree, activity types, sites, households, rubric,
 *   forest chiefs and teams, patrol list): network first, the last answer when offline. The page deletes
 *   this cache on sign-out and when another user signs in (lib/offline/service-worker.ts).
 * - Everything else (writes, other API reads, uploads) goes straight to the network.
 * - Background Sync (`bbt-outbox`): asks the open pages to send their outbox (the queue lives in the page:
 *   its CSRF token and session are there).
 *
 * The build (vite.config.ts) fills in BUILD, ASSETS and CAPTURE.
 */
const BUILD = 'dev';
/** Every JS/CSS file of this build. */
const ASSETS = [];
/** The files the shell and the capture pages need: fetched ahead after sign-in. */
const CAPTURE = [];

const SHELL_CACHE = 'bbt-shell-v1';
const ASSET_CACHE = 'bbt-assets-v1';
const API_CACHE = 'bbt-api-v1';
const SHELL_URL = '/index.html';

const API_FOR_CAPTURE = [
  /^\/api\/v1\/auth\/me$/,
  /^\/api\/v1\/org\/tree$/,
  /^\/api\/v1\/org\/sites$/,
  /^\/api\/v1\/activities\/types$/,
  /^\/api\/v1\/activities\/patrols$/,
  /^\/api\/v1\/people\/role-terms$/,
  /^\/api\/v1\/people\/volunteer-teams$/,
  /^\/api\/v1\/courtyards\/rubrics\/effective$/,
  /^\/api\/v1\/courtyards\/todo$/,
  /^\/api\/v1\/courtyards\/households$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      try {
        const res = await fetch('/', { cache: 'reload' });
        if (res.ok) await (await caches.open(SHELL_CACHE)).put(SHELL_URL, res);
      } catch {
        // Offline while installing: the next page visit caches the shell.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Files of earlier builds go: the cache holds this build only.
      if (BUILD !== 'dev') {
        const keep = new Set(ASSETS.map((a) => new URL(a, self.location.origin).href));
        const cache = await caches.open(ASSET_CACHE);
        for (const req of await cache.keys()) if (!keep.has(req.url)) await cache.delete(req);
      }
      await self.clients.claim();
    })(),
  );
});

const isCaptureApi = (url) => API_FOR_CAPTURE.some((re) => re.test(url.pathname));

const networkFirst = async (request, cacheName, fallbackKey) => {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(fallbackKey ?? request, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(fallbackKey ?? request);
    if (hit) return hit;
    throw e;
  }
};

const cacheFirst = async (request) => {
  const cache = await caches.open(ASSET_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
};

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(request, SHELL_CACHE, SHELL_URL));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (isCaptureApi(url)) event.respondWith(networkFirst(request, API_CACHE));
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  if (type === 'bbt-warm')
    event.waitUntil(
      (async () => {
        const cache = await caches.open(ASSET_CACHE);
        for (const path of CAPTURE) {
          if (await cache.match(path)) continue;
          try {
            const res = await fetch(path);
            if (res.ok) await cache.put(path, res);
          } catch {
            return; // Offline again: the next sign-in tries the rest.
          }
        }
      })(),
    );
});

self.addEventListener('sync', (event) => {
  if (event.tag !== 'bbt-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((all) => {
      for (const c of all) c.postMessage({ type: 'bbt-outbox-flush' });
    }),
  );
});
