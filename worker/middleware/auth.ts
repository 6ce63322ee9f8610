// Authentication and authorisation guards. The account and the token's session are checked on every
// request, so that a deleted or disabled account, a changed role or an ended session takes effect at
// once, not when the access token expires.
import { createMiddleware } from "hono/factory";
import { verifyAccessTokenClaims } from "../auth/access-token.ts";
import { getDb } from "../db/client.ts";
import type { AppBindings, AuthenticatedUser } from "../lib/context.ts";
import { ApiError, errorBody } from "../lib/errors.ts";
import { findAccount } from "../services/account-check.ts";

const unauthorized = () =>
  new ApiError(401, "unauthorized", "Sign in to continue: the access token is missing, invalid or expired.");

/** Methods that only read: their answer can wait for the account check instead of the work waiting for it. */
const READS = new Set(["GET", "HEAD"]);

/**
 * Reads that also write what they derive (the day's prompt is remembered so it stays the day's; a
 * search by meaning embeds the entries the background job has not reached; the streak and achievement
 * record is brought up to date; the settings row is made on first read): like writes, they wait for
 * the check, so a refused one stores nothing.
 */
const READS_THAT_WRITE = [/^\/api\/prompts\/(daily|today)$/, /^\/api\/memories\/search$/, /^\/api\/gamification(\/|$)/, /^\/api\/settings$/];
const waitsForCheck = (method: string, path: string) => !READS.has(method) || READS_THAT_WRITE.some((re) => re.test(path));

export const requireAuth = createMiddleware<AppBindings>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized();
  const claims = await verifyAccessTokenClaims(c.env.JWT_SECRET, match[1]);
  if (!claims) throw unauthorized();
  const { userId, sessionId } = claims;
  const found = findAccount(getDb(c.env), userId, sessionId);
  // Settled here so that a failure is never an unhandled rejection while the route runs.
  const checked = found.then(
    (account) => account,
    () => null,
  );
  c.set("user", { id: userId });
  c.set("account", async () => {
    const account = await found;
    if (!account) throw unauthorized();
    return account;
  });
  if (waitsForCheck(c.req.method, c.req.path)) {
    // A write waits for the check: nothing is stored for an account that is gone or a session that ended.
    if (!(await found)) throw unauthorized();
    return next();
  }
  // A read runs beside the check (the two queries overlap) and its answer is replaced by a 401 if
  // the account is gone: a read changes nothing, so nothing was done for a stranger.
  await next();
  if (!(await checked)) {
    // The refusal replaces the route's answer whole: none of its headers (a download's name, say) are kept.
    c.res = undefined;
    const { code, message } = unauthorized();
    c.res = new Response(JSON.stringify(errorBody(code, message)), { status: 401, headers: { "content-type": "application/json" } });
  }
});

export const requireAdmin = createMiddleware<AppBindings>(async (c, next) => {
  const account: AuthenticatedUser = await c.get("account")();
  if (account.role !== "admin") {
    throw new ApiError(403, "forbidden", "This needs an administrator account.");
  }
  await next();
});
