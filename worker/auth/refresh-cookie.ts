// The web app's refresh token lives in an HttpOnly cookie, out of reach of any script on the page.
//
// Name and path: over HTTPS (every deployment) the cookie is `__Host-tideline_refresh` with Secure,
// SameSite=Strict and Path=/. The `__Host-` prefix obliges Path=/, so the cookie cannot be limited to
// /api/auth; we keep the prefix because it is the stronger guarantee: the browser accepts the cookie
// only from this exact origin over HTTPS, never with a Domain, so no sibling subdomain or plain-HTTP
// page can plant or overwrite it. Path was never a security boundary (same-origin pages can reach any
// path), and the cookie only means something to /api/auth/refresh and /api/auth/logout: every other
// route authenticates with the bearer access token alone, so sending the cookie there grants nothing.
// Over plain HTTP (local development only: browsers refuse `__Host-` and Secure cookies there) the
// cookie is `tideline_refresh` with Path=/api/auth, the narrowest path that covers the auth routes.
//
// Which form a client gets: a request from the app's own origin (its Origin header says so) signs in
// with the cookie and gets no refresh_token in the body; anything else (native apps, scripts, an
// origin named in CORS_ORIGINS, which cannot send cookies here) keeps the JSON body form.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppBindings } from "../lib/context.ts";
import { ApiError } from "../lib/errors.ts";
import { RefreshTokenSchema } from "../schemas/auth.ts";
import { REFRESH_TOKEN_TTL_MS } from "./refresh-tokens.ts";
import type { SessionTokens } from "./session.ts";

const COOKIE_NAME = "tideline_refresh";
const LOCAL_PATH = "/api/auth";

type Ctx = Context<AppBindings>;

const requestUrl = (c: Ctx) => new URL(c.req.url);
const overHttps = (c: Ctx) => requestUrl(c).protocol === "https:";

/** The app's own origin and the ones CORS_ORIGINS names. */
export function allowedOrigins(c: Ctx): Set<string> {
  const configured = c.env.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean);
  return new Set([requestUrl(c).origin, ...configured]);
}

/** Whether a browser says this request comes from a page of the app itself (Origin cannot be forged by a page). */
export const fromOwnOrigin = (c: Ctx) => c.req.header("origin") === requestUrl(c).origin;

/**
 * The refresh token in the session cookie, honoured only on a request from the app's own origin: a
 * cookie is attached by the browser whoever asks, so the request must also say who asked.
 */
export function readRefreshCookie(c: Ctx): string | null {
  if (!fromOwnOrigin(c)) return null;
  const value = overHttps(c) ? getCookie(c, COOKIE_NAME, "host") : getCookie(c, COOKIE_NAME);
  const parsed = RefreshTokenSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function setRefreshCookie(c: Ctx, token: string): void {
  const maxAge = Math.floor(REFRESH_TOKEN_TTL_MS / 1000);
  if (overHttps(c)) {
    setCookie(c, COOKIE_NAME, token, { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict", maxAge });
  } else {
    setCookie(c, COOKIE_NAME, token, { path: LOCAL_PATH, httpOnly: true, sameSite: "Strict", maxAge });
  }
}

export function clearRefreshCookie(c: Ctx): void {
  if (overHttps(c)) deleteCookie(c, COOKIE_NAME, { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
  else deleteCookie(c, COOKIE_NAME, { path: LOCAL_PATH, httpOnly: true, sameSite: "Strict" });
}

/**
 * A new session's answer: for the app's own pages the refresh token goes into the cookie and not into
 * the body (a script that can read the body cannot take the token away); everyone else gets it in the body.
 */
export function deliverSession<T extends SessionTokens>(c: Ctx, session: T): Omit<T, "refresh_token"> & { refresh_token?: string } {
  if (!fromOwnOrigin(c)) return session;
  setRefreshCookie(c, session.refresh_token);
  const { refresh_token: _inCookie, ...rest } = session;
  return rest;
}

export const crossOriginRefused = () =>
  new ApiError(403, "cross_origin_refused", "This request came from another site and was refused.");
