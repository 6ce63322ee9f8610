// Authentication and authorisation guards. The user is loaded on every request so that a deleted
// account or a changed role takes effect at once, not when the access token expires.
import { eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { verifyAccessToken } from "../auth/access-token.ts";
import { getDb } from "../db/client.ts";
import { users } from "../db/schema.ts";
import type { AppBindings } from "../lib/context.ts";
import { ApiError } from "../lib/errors.ts";

const unauthorized = () =>
  new ApiError(401, "unauthorized", "Sign in to continue: the access token is missing, invalid or expired.");

export const requireAuth = createMiddleware<AppBindings>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized();
  const userId = await verifyAccessToken(c.env.JWT_SECRET, match[1]);
  if (!userId) throw unauthorized();
  const user = await getDb(c.env).query.users.findFirst({
    where: eq(users.id, userId),
    columns: { id: true, email: true, name: true, role: true },
  });
  if (!user) throw unauthorized();
  c.set("user", user);
  await next();
});

export const requireAdmin = createMiddleware<AppBindings>(async (c, next) => {
  if (c.get("user")?.role !== "admin") {
    throw new ApiError(403, "forbidden", "This needs an administrator account.");
  }
  await next();
});
