// Authentication guards all of /api/* by default (fail closed): a router mounted without a word here
// needs a signed-in person. These are the only routes anyone may call without an access token.
import { createMiddleware } from "hono/factory";
import type { AppBindings } from "../lib/context.ts";
import { requireAuth } from "./auth.ts";

export interface PublicRoute {
  method: "GET" | "POST";
  /** The exact path: a longer path that starts the same way is not public. */
  path: string;
  why: string;
}

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { method: "POST", path: "/api/auth/register", why: "creating an account (rate-limited per address)" },
  { method: "POST", path: "/api/auth/login", why: "signing in (rate-limited per address)" },
  { method: "POST", path: "/api/auth/recover", why: "a lost password: the recovery code is the credential (rate-limited per address like signing in)" },
  { method: "POST", path: "/api/auth/passkeys/login/options", why: "a sign-in challenge for a passkey (rate-limited per address like signing in)" },
  { method: "POST", path: "/api/auth/passkeys/login", why: "signing in with a passkey: its signature over our challenge is the credential (rate-limited per address)" },
  { method: "POST", path: "/api/auth/refresh", why: "the refresh token in the body is the credential" },
  { method: "GET", path: "/api/live", why: "the WebSocket upgrade; its single-use ticket is the credential, checked by the person's Durable Object" },
  { method: "GET", path: "/api/safety/resources", why: "crisis lines must reach anyone, signed in or not" },
  { method: "GET", path: "/api/openapi.json", why: "the API's own description" },
  { method: "GET", path: "/api/docs", why: "the browsable reference of that description" },
];

const publicKeys = new Set(PUBLIC_ROUTES.map((r) => `${r.method} ${r.path}`));

export function isPublicRoute(method: string, path: string): boolean {
  const m = method.toUpperCase();
  // HEAD is answered by the GET handler.
  return publicKeys.has(`${m === "HEAD" ? "GET" : m} ${path}`);
}

/** Lets the public routes through and requires a signed-in person everywhere else. */
export const requireAuthUnlessPublic = createMiddleware<AppBindings>(async (c, next) => {
  if (isPublicRoute(c.req.method, c.req.path)) return next();
  return requireAuth(c, next);
});
