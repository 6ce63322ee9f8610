// What the service worker keeps of the API for reading offline, shared by the worker
// (web/src/service-worker.ts) and the app, which deletes it when a session ends: the cached answers
// are the person's own writing, and the next person on this device must never see them.

export const API_CACHE = "tideline-api";

/** Routes whose answers are never kept: credentials, the live socket, files, the API's reference. */
const NEVER_KEPT = [/^\/api\/auth\/(?!me$)/, /^\/api\/live/, /^\/api\/entries\/export/, /^\/api\/reminders\/calendar/, /^\/api\/(docs|openapi\.json)/, /^\/api\/admin\//];

export const isCacheableApiPath = (path: string) => path.startsWith("/api/") && !NEVER_KEPT.some((re) => re.test(path));

/** Deletes every kept API answer (called when the session ends). */
export async function forgetOfflineData(): Promise<void> {
  try {
    if (typeof caches !== "undefined") await caches.delete(API_CACHE);
  } catch {
    // No Cache Storage here (an old browser, a private window that refuses it): nothing was kept.
  }
}
