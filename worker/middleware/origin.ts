// The routes that act on the session cookie (refresh, sign-out) answer only the app's own pages and
// the origins CORS_ORIGINS names: a cross-site request is refused before it touches a session.
// Clients that send no Origin (not browsers) pass: they cannot use the cookie (see refresh-cookie.ts)
// and must present their refresh token themselves.
import { createMiddleware } from "hono/factory";
import { allowedOrigins, crossOriginRefused } from "../auth/refresh-cookie.ts";
import type { AppBindings } from "../lib/context.ts";

export const requireKnownOrigin = createMiddleware<AppBindings>(async (c, next) => {
  const origin = c.req.header("origin");
  // "null" (a sandboxed frame, a redirect across origins) is never ours.
  if (origin !== undefined && !allowedOrigins(c).has(origin)) throw crossOriginRefused();
  // A browser that left Origin out still says where the request came from.
  if (origin === undefined && c.req.header("sec-fetch-site") === "cross-site") throw crossOriginRefused();
  await next();
});
