/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The app's service worker: Tideline opens and reads without a connection.
// - The app shell (Kit's build and the static files) is cached at install, per version.
// - Pages are the SPA shell: a navigation that cannot reach the network gets the cached shell.
// - What the pages read from the API (GET, the person's own data) goes to the network first and is
//   kept, so the last pages viewed can be read offline. The app deletes that cache when the session
//   ends (web/src/lib/offline-cache.ts), so the next person on this device never sees it.
// - Writing offline is the page's job (web/src/lib/outbox.svelte.ts), not this worker's.
// - The daily reminder arrives here by Web Push and is shown as a notification.
import { version } from "$app/env";
import { assets, immutable } from "$app/manifest";
import { API_CACHE, isCacheableApiPath } from "./lib/offline-cache.ts";

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL_CACHE = `tideline-shell-${version}`;
/** The SPA shell: every page of the app is this one HTML file. */
const SHELL_PAGE = "/";
/** The manifest's paths are relative to the base path, which is the site's root here. */
const rooted = (p: string) => (p.startsWith("/") ? p : `/${p}`);
/** Kept offline: the app, not the API reference's vendored Swagger UI or the headers file. */
const SHELL_FILES = [
  ...immutable.map((f) => rooted(f.path)),
  ...assets.map((f) => rooted(f.path)).filter((p) => !p.startsWith("/vendor/") && p !== "/_headers"),
  SHELL_PAGE,
];
/** The API answers kept for offline reading, oldest dropped first. */
const MAX_API_ANSWERS = 150;

sw.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(SHELL_FILES);
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("tideline-shell-") && key !== SHELL_CACHE) await caches.delete(key);
      }
      await sw.clients.claim();
    })(),
  );
});

async function keepAnswer(request: Request, response: Response) {
  // Only while a session allows it (web/src/lib/offline-cache.ts): never after the cache was deleted.
  if (!(await caches.has(API_CACHE))) return;
  const cache = await caches.open(API_CACHE);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_API_ANSWERS))) await cache.delete(old);
}

/** Network first; a kept answer when the network cannot be reached. */
async function apiNetworkFirst(event: FetchEvent): Promise<Response> {
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(keepAnswer(event.request, response.clone()));
    return response;
  } catch (err) {
    const kept = await caches.match(event.request, { cacheName: API_CACHE, ignoreVary: true });
    if (kept) return kept;
    throw err;
  }
}

async function navigation(event: FetchEvent): Promise<Response> {
  try {
    return await fetch(event.request);
  } catch (err) {
    const shell = await caches.match(SHELL_PAGE, { cacheName: SHELL_CACHE });
    if (shell) return shell;
    throw err;
  }
}

async function shellFileFirst(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: SHELL_CACHE })) ?? fetch(request);
}

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith("/api/")) {
    if (isCacheableApiPath(url.pathname)) event.respondWith(apiNetworkFirst(event));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigation(event));
    return;
  }
  if (SHELL_FILES.includes(url.pathname)) event.respondWith(shellFileFirst(request));
});

/** The daily reminder (worker/services/reminders.ts sends { title, body, url, tag }). */
sw.addEventListener("push", (event) => {
  let message: { title?: unknown; body?: unknown; url?: unknown; tag?: unknown } = {};
  try {
    message = event.data?.json() ?? {};
  } catch {
    // Not JSON: a plain reminder is still shown.
  }
  const title = typeof message.title === "string" ? message.title : "Tideline";
  event.waitUntil(
    sw.registration.showNotification(title, {
      body: typeof message.body === "string" ? message.body : "A few minutes for yourself: how was today?",
      tag: typeof message.tag === "string" ? message.tag : "tideline",
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      data: { url: typeof message.url === "string" && message.url.startsWith("/") ? message.url : "/" },
    }),
  );
});

sw.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url: string = event.notification.data?.url ?? "/";
  event.waitUntil(
    (async () => {
      const windows = await sw.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
      if (open) {
        await open.focus();
        await open.navigate(url).catch(() => undefined);
        return;
      }
      await sw.clients.openWindow(url);
    })(),
  );
});
