// Per-address rate limiting for the routes that guess passwords or create accounts, through the Workers
// rate-limit binding (it runs locally in Miniflare as well).
import { createMiddleware } from "hono/factory";
import type { AppBindings } from "../lib/context.ts";
import { ApiError } from "../lib/errors.ts";

/**
 * The budget shared by every request no edge vouches for. On Cloudflare the edge sets
 * CF-Connecting-IP itself (a client's own value never survives) and attaches `request.cf`; a request
 * without `request.cf` reached workerd some other way, so its CF-Connecting-IP is whatever the
 * client chose to send, and keying on it would hand out a fresh budget per invented address.
 */
const UNVOUCHED_KEY = "auth:no-edge";

function limiterKey(request: Request): string {
  if (request.cf === undefined) return UNVOUCHED_KEY;
  const ip = request.headers.get("cf-connecting-ip");
  return ip ? `auth:${ip}` : UNVOUCHED_KEY;
}

export const authRateLimit = createMiddleware<AppBindings>(async (c, next) => {
  const { success } = await c.env.AUTH_LIMITER.limit({ key: limiterKey(c.req.raw) });
  if (!success) {
    c.header("Retry-After", "60");
    throw new ApiError(429, "rate_limited", "Too many attempts. Please wait a minute and try again.");
  }
  await next();
});
