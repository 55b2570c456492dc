/*
 * Samskap's service worker: lets a board open again while offline (reload included).
 * - Page loads (navigations): network first; the last good app shell is kept as a fallback.
 * - /assets/* (content-hashed) and /shoelace/* (icons of the component library): cache first.
 * - GET /api/workshops/<id> (the workshop a board needs): network first, cached copy offline.
 * Everything else (other API calls, /sync, /socket.io) goes to the network untouched.
 * The documents themselves are kept by y-indexeddb, not here.
 */
const CACHE = 'samskap-shell-v1';
const SHELL = '/__samskap_shell';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Only the app's page is kept as the shell (never a download or another server page).
    const page = key !== SHELL || (response.headers.get('content-type') ?? '').includes('text/html');
    if (response.ok && page) await cache.put(key, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The server's own pages (sign-in, the source archive) are not the app: straight to the network.
  if (request.mode === 'navigate' && (url.pathname === '/source' || url.pathname.startsWith('/auth/') || url.pathname.startsWith('/api/'))) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL));
  } else if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/shoelace/')) {
    event.respondWith(cacheFirst(request));
  } else if (/^\/api\/workshops\/[A-Za-z0-9_-]{16}$/.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  }
});
