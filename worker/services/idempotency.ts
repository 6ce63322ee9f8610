// Idempotency keys: a create request sent with `Idempotency-Key` is carried out once per person and
// key for 24 hours; a retry with the same key and the same request gets the first answer back.
//
// A key is claimed before the request runs (one INSERT that only one of two racing requests wins),
// finished with the answer when it succeeds, and released when it fails, so that a request refused
// for bad input, or that broke part-way, can be retried with the same key. A claim whose request never
// finished (the Worker was stopped mid-way) is taken over after a minute.
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema.ts";
import { sha256Base64Url } from "../lib/encoding.ts";
import { HOUR_MS } from "../lib/time-zone.ts";

/** How long a finished answer is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * HOUR_MS;
/** How long a claim without an answer holds before another request may take it over. */
export const ABANDONED_CLAIM_MS = 60_000;

export type Claim =
  | { kind: "claimed" }
  | { kind: "replay"; status: number; contentType: string | null; body: string }
  | { kind: "in-flight" }
  | { kind: "other-request" };

interface KeyRef {
  userId: string;
  key: string;
}

/** What makes two requests the same request: method, path and body. */
export const requestFingerprint = (method: string, path: string, body: string) => sha256Base64Url(`${method} ${path}\n${body}`);

const whereKey = (ref: KeyRef) => and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key));

export async function claimIdempotencyKey(db: Database, ref: KeyRef, fingerprint: string, now = Date.now()): Promise<Claim> {
  // Take the key if it is free, expired, or abandoned by a request that never finished.
  const taken = await db
    .insert(idempotencyKeys)
    .values({ userId: ref.userId, key: ref.key, fingerprint, status: null, contentType: null, body: null, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      set: { fingerprint, status: null, contentType: null, body: null, createdAt: now },
      setWhere: sql`${idempotencyKeys.createdAt} < ${now - IDEMPOTENCY_TTL_MS}
        OR (${idempotencyKeys.status} IS NULL AND ${idempotencyKeys.createdAt} < ${now - ABANDONED_CLAIM_MS})`,
    })
    .returning({ createdAt: idempotencyKeys.createdAt });
  if (taken.length > 0) return { kind: "claimed" };

  const held = await db.query.idempotencyKeys.findFirst({ where: whereKey(ref) });
  // Released between the two statements: the caller may simply try again.
  if (!held) return { kind: "in-flight" };
  if (held.fingerprint !== fingerprint) return { kind: "other-request" };
  if (held.status === null || held.body === null) return { kind: "in-flight" };
  return { kind: "replay", status: held.status, contentType: held.contentType, body: held.body };
}

/** Keeps the answer of the request that holds the key, for its retries. */
export async function finishIdempotencyKey(db: Database, ref: KeyRef, answer: { status: number; contentType: string | null; body: string }) {
  await db
    .update(idempotencyKeys)
    .set({ status: answer.status, contentType: answer.contentType, body: answer.body })
    .where(and(whereKey(ref), sql`${idempotencyKeys.status} IS NULL`));
}

/** Frees a key whose request failed, so that the same key can be sent again. */
export async function releaseIdempotencyKey(db: Database, ref: KeyRef) {
  await db.delete(idempotencyKeys).where(and(whereKey(ref), sql`${idempotencyKeys.status} IS NULL`));
}

/** The daily clean-up: every key past its 24 hours. Answers how many were removed. */
export async function pruneIdempotencyKeys(db: Database, now = Date.now()): Promise<number> {
  const removed = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS)).returning({ key: idempotencyKeys.key });
  return removed.length;
}
