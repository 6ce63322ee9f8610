// `Idempotency-Key` on every create (POST) route a signed-in person calls: the first request with a
// key runs; a retry with the same key and request, within 24 hours, gets the first answer back (with
// `Idempotent-Replayed: true`) and creates nothing. The same key with another request is refused
// (422), and a retry that arrives while the first is still running is asked to wait (409).
// worker/services/idempotency.ts keeps the keys. Requests without the header are untouched.
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { getDb } from "../db/client.ts";
import type { AppBindings } from "../lib/context.ts";
import { ApiError } from "../lib/errors.ts";
import { claimIdempotencyKey, finishIdempotencyKey, releaseIdempotencyKey, requestFingerprint } from "../services/idempotency.ts";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** Visible ASCII, as the header's draft standard and common clients (UUIDs, ULIDs) use. */
const KeySchema = z.string().regex(/^[\x21-\x7e]{1,255}$/);

/** Answers larger than this are not kept (a create route's answer is a few KB). */
const MAX_KEPT_ANSWER = 256 * 1024;

export const honourIdempotencyKey = createMiddleware<AppBindings>(async (c, next) => {
  const header = c.req.header(IDEMPOTENCY_HEADER);
  // Only creates, and only for a signed-in person: the key is theirs alone.
  const user = c.get("user") as AppBindings["Variables"]["user"] | undefined;
  if (header === undefined || c.req.method !== "POST" || !user) return next();
  const parsed = KeySchema.safeParse(header);
  if (!parsed.success) {
    throw new ApiError(400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good choice).");
  }
  const db = getDb(c.env);
  const ref = { userId: user.id, key: parsed.data };
  const fingerprint = await requestFingerprint(c.req.method, c.req.path, await c.req.text());
  const claim = await claimIdempotencyKey(db, ref, fingerprint);
  if (claim.kind === "other-request") {
    throw new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request; send a new key for a new request.");
  }
  if (claim.kind === "in-flight") {
    c.header("Retry-After", "1");
    throw new ApiError(409, "idempotency_in_progress", "A request with this Idempotency-Key is still being answered; try again in a moment.");
  }
  if (claim.kind === "replay") {
    c.header("Idempotent-Replayed", "true");
    if (claim.contentType) c.header("Content-Type", claim.contentType);
    return c.body(claim.body, claim.status as ContentfulStatusCode);
  }

  try {
    await next();
  } catch (err) {
    await releaseIdempotencyKey(db, ref);
    throw err;
  }
  const res = c.res;
  // Only a success is kept: a refused or failed request may be corrected and sent again with its key.
  const body = res.ok ? await res.clone().text() : null;
  if (body !== null && body.length <= MAX_KEPT_ANSWER) {
    await finishIdempotencyKey(db, ref, { status: res.status, contentType: res.headers.get("content-type"), body });
  } else {
    await releaseIdempotencyKey(db, ref);
  }
});
