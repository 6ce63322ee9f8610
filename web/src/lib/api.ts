// The typed API clients. Both are Hono's `hc` over the Worker's route types (AppType, declared from
// worker/app.ts by `tsc -p web/tsconfig.api.json`), so a changed route breaks the type-check. `api` signs requests and renews an expired access token once; `publicApi` is
// for the sign-in routes, where a 401 means "wrong password", not "renew the session".
import { hc } from "hono/client";
// The declarations, not worker/app.ts itself: checking Worker code against the DOM library would
// report workerd-only APIs as errors (see web/tsconfig.api.json).
import type { AppType } from "../../.svelte-kit/api-types/worker/app.d.ts";
import { endSession, getAccessToken, hasStoredSession, startSession, type SessionTokens } from "./session.svelte.ts";

type Fetch = typeof fetch;

/** Called when the session cannot be renewed; the layout sends the person to sign in. */
let onSessionLost: () => void = () => {};
export const setSessionLostHandler = (handler: () => void) => {
  onSessionLost = handler;
};

let pendingRefresh: Promise<boolean> | null = null;

/**
 * Renews the tokens, sharing one request among everyone who asks at once: the API rotates refresh
 * tokens and treats a reused one as theft (it revokes the whole session). Across tabs, a Web Lock
 * makes the tabs take turns, so that each request carries the cookie the previous one set.
 */
export function refreshSession(): Promise<boolean> {
  pendingRefresh ??= withRefreshLock(renew).finally(() => {
    pendingRefresh = null;
  });
  return pendingRefresh;
}

function withRefreshLock(task: () => Promise<boolean>): Promise<boolean> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? locks.request("tideline-refresh", task) : task();
}

async function renew(): Promise<boolean> {
  if (!hasStoredSession()) return false;
  let res: Response;
  try {
    // No body: the refresh token is the HttpOnly session cookie the browser attaches by itself.
    res = await publicApi.api.auth.refresh.$post({ json: {} });
  } catch {
    // Offline is not a lost session: keep it and let the caller report the failure.
    throw new TypeError("network");
  }
  if (res.status === 400 || res.status === 401) {
    endSession();
    return false;
  }
  // A server hiccup is not a lost session either: keep the token, fail this one request.
  if (!res.ok) throw new Error(`refresh failed with ${res.status}`);
  startSession((await res.json()) as SessionTokens);
  return true;
}

const withBearer = (init: RequestInit | undefined, token: string | null): RequestInit => {
  const headers = new Headers(init?.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  return { ...init, headers };
};

const authFetch: Fetch = async (input, init) => {
  let token = getAccessToken();
  if (!token && hasStoredSession()) {
    try {
      await refreshSession();
    } catch (err) {
      // Offline: the request goes without a token, so that the service worker can answer it with
      // what it kept (web/src/service-worker.ts); online, it fails as it would have.
      if (!(err instanceof TypeError)) throw err;
    }
    token = getAccessToken();
  }
  const res = await fetch(input, withBearer(init, token));
  if (res.status !== 401) return res;
  // Someone else already renewed the token while this request was in flight: just retry.
  const current = getAccessToken();
  if (current && current !== token) return fetch(input, withBearer(init, current));
  if (await refreshSession()) return fetch(input, withBearer(init, getAccessToken()));
  onSessionLost();
  return res;
};

const origin = typeof location !== "undefined" ? location.origin : "http://localhost";

export const publicApi = hc<AppType>(origin);
export const api = hc<AppType>(origin, { fetch: authFetch });
