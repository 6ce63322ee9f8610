// Per-IP rate limiting for the routes that guess passwords or create accounts, through the Workers
// rate-limit binding (it runs locally in Miniflare as well).
import { createMiddleware } from "hono/factory";
import type { AppBindings } from "../lib/context.ts";
import { ApiError } from "../lib/errors.ts";

export const authRateLimit = createMiddleware<AppBindings>(async (c, next) => {
  const ip = c.req.header("cf-connecting-ip") ?? "unknown";
  const { success } = await c.env.AUTH_LIMITER.limit({ key: `auth:${ip}` });
  if (!success) {
    c.header("Retry-After", "60");
    throw new ApiError(429, "rate_limited", "Too many attempts. Please wait a minute and try again.");
  }
  await next();
});
