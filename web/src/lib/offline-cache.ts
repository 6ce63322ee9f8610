// What the service worker keeps of the API for reading offline, shared by the worker
// (web/src/service-worker.ts) and the app, which deletes it when a session ends: the cached answers
// are the person's own writing, and the next person on this device must never see them.

export const API_CACHE = "tideline-api";

/** Routes whose answers are never kept: credentials, the live socket, files, the API's reference. */
const NEVER_KEPT = [/^\/api\/auth\/(?!me$)/, /^\/api\/live/, /^\/api\/entries\/export/, /^\/api\/reminders\/calendar/, /^\/api\/(docs|openapi\.json)/, /^\/api\/admin\//];

export const isCacheableApiPath = (path: string) => path.startsWith("/api/") && !NEVER_KEPT.some((re) => re.test(path));

/**
 * Lets the service worker keep answers: it writes only into a cache that already exists, so that an
 * answer still on its way when the session ends (or a public page's, signed out) never brings the
 * deleted cache back. Called when a session starts.
 */
export async function allowOfflineData(): Promise<void> {
  try {
    if (typeof caches !== "undefined") await caches.open(API_CACHE);
  } catch {
    // No Cache Storage: nothing will be kept.
  }
}

/** Deletes every kept API answer (called when the session ends). */
export async function forgetOfflineData(): Promise<void> {
  try {
    if (typeof caches !== "undefined") await caches.delete(API_CACHE);
  } catch {
    // No Cache Storage here (an old browser, a private window that refuses it): nothing was kept.
  }
}
