// Opaque rotating refresh tokens. Only a SHA-256 hash is stored; each use rotates the token within
// its family, and presenting a token that was already rotated means it leaked: the family is revoked.
// A family is one signed-in device: its `sessions` row (same id) is written with the first token,
// touched by each rotation and deleted with the family's revocation, in the same batch each time.
import { and, eq, exists, gt, isNotNull, isNull, lte, ne, notExists, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { refreshTokens, sessions } from "../db/schema.ts";
import { bytesToBase64Url, randomBytes, sha256Base64Url } from "../lib/encoding.ts";
import { DAY_MS } from "../lib/time-zone.ts";
import type { Device } from "./device.ts";

export const REFRESH_TOKEN_TTL_MS = 30 * DAY_MS;

async function newToken(): Promise<{ token: string; hash: string }> {
  const token = bytesToBase64Url(randomBytes(32));
  return { token, hash: await sha256Base64Url(token) };
}

/**
 * A new family (a sign-in): its first token and its session row in one batch. The person's sessions
 * that expired unused are pruned here, so the table holds about one row per device they use.
 */
export async function startFamily(db: Database, userId: string, device: Device): Promise<{ familyId: string; refreshToken: string }> {
  const familyId = crypto.randomUUID();
  const { token, hash } = await newToken();
  const now = Date.now();
  await db.batch([
    db.insert(refreshTokens).values({ tokenHash: hash, userId, familyId, createdAt: now, expiresAt: now + REFRESH_TOKEN_TTL_MS }),
    db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now))),
    db.insert(sessions).values({ id: familyId, userId, createdAt: now, lastUsedAt: now, expiresAt: now + REFRESH_TOKEN_TTL_MS, ...device }),
  ]);
  return { familyId, refreshToken: token };
}

export type RotationResult =
  | { ok: true; userId: string; familyId: string; refreshToken: string }
  | { ok: false; reason: "unknown" | "expired" | "revoked" | "reused" };

/**
 * Spends the presented token and writes its successor in one D1 batch (one transaction), exactly
 * once even under concurrent requests. Both statements carry the same condition: the token is
 * unspent, unexpired and no token of its family is revoked. So the successor exists only if the
 * claim succeeded, and a revocation of the family (by a request that lost the race, or a sign-out)
 * lands either before the batch, which then writes nothing, or after it, and then covers the
 * successor too: no token of a revoked family can work afterwards.
 */
export async function rotateRefreshToken(db: Database, token: string, device: Device): Promise<RotationResult> {
  const tokenHash = await sha256Base64Url(token);
  const row = await db.query.refreshTokens.findFirst({ where: eq(refreshTokens.tokenHash, tokenHash) });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt !== null) return { ok: false, reason: "revoked" };
  if (row.rotatedAt !== null) {
    await revokeFamily(db, row.familyId);
    return { ok: false, reason: "reused" };
  }
  const now = Date.now();
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };

  const next = await newToken();
  const familyRevoked = db
    .select({ one: sql`1` })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, row.familyId), isNotNull(refreshTokens.revokedAt)));
  const usable = and(
    eq(refreshTokens.tokenHash, tokenHash),
    isNull(refreshTokens.rotatedAt),
    isNull(refreshTokens.revokedAt),
    gt(refreshTokens.expiresAt, now),
    notExists(familyRevoked),
  );
  const [, claimed] = await db.batch([
    db.insert(refreshTokens).select(
      db
        .select({
          tokenHash: sql<string>`${next.hash}`.as("token_hash"),
          userId: refreshTokens.userId,
          familyId: refreshTokens.familyId,
          expiresAt: sql<number>`${now + REFRESH_TOKEN_TTL_MS}`.as("expires_at"),
          createdAt: sql<number>`${now}`.as("created_at"),
          rotatedAt: sql<number | null>`NULL`.as("rotated_at"),
          revokedAt: sql<number | null>`NULL`.as("revoked_at"),
        })
        .from(refreshTokens)
        .where(usable),
    ),
    db.update(refreshTokens).set({ rotatedAt: now }).where(usable).returning({ userId: refreshTokens.userId, familyId: refreshTokens.familyId }),
    // Only if the successor was written above (the claim succeeded): the session was used just now.
    db
      .update(sessions)
      .set({
        lastUsedAt: now,
        expiresAt: now + REFRESH_TOKEN_TTL_MS,
        // What this request does not tell (no place in local development) keeps what was known.
        ...(device.userAgent !== null ? { userAgent: device.userAgent } : {}),
        ...(device.city !== null ? { city: device.city } : {}),
        ...(device.country !== null ? { country: device.country } : {}),
      })
      .where(and(eq(sessions.id, row.familyId), exists(db.select({ one: sql`1` }).from(refreshTokens).where(eq(refreshTokens.tokenHash, next.hash))))),
  ]);
  const won = claimed[0];
  if (!won) {
    // Another request spent it between our read and our batch (the same token presented twice), or
    // its family was revoked meanwhile: either way the family ends here.
    await revokeFamily(db, row.familyId);
    return { ok: false, reason: "reused" };
  }
  return { ok: true, userId: won.userId, familyId: won.familyId, refreshToken: next.token };
}

export async function revokeFamily(db: Database, familyId: string): Promise<void> {
  await db.batch([
    db
      .update(refreshTokens)
      .set({ revokedAt: Date.now() })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt))),
    db.delete(sessions).where(eq(sessions.id, familyId)),
  ]);
}

/** Ends one of the person's sessions; false when they have none with that id (someone else's: nothing changes). */
export async function revokeOwnFamily(db: Database, userId: string, familyId: string): Promise<boolean> {
  const [deleted] = await db.batch([
    db
      .delete(sessions)
      .where(and(eq(sessions.id, familyId), eq(sessions.userId, userId)))
      .returning({ id: sessions.id, expiresAt: sessions.expiresAt }),
    db
      .update(refreshTokens)
      .set({ revokedAt: Date.now() })
      .where(and(eq(refreshTokens.familyId, familyId), eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt))),
  ]);
  return deleted.length > 0;
}

/**
 * The statements that end every session of the person but `keep` (all of them when null), for a
 * caller to run alone or in one batch with its own change (a new password). The tokens are revoked
 * by person, not by session row, so that no family escapes whatever became of its row. `onlyIf`
 * makes both statements conditional on something else in the same batch (a recovery code still unspent).
 */
export function revokeOtherFamiliesStatements(db: Database, userId: string, keep: string | null, now = Date.now(), onlyIf?: SQL) {
  return [
    db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(
        and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt), keep === null ? undefined : ne(refreshTokens.familyId, keep), onlyIf),
      ),
    db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), keep === null ? undefined : ne(sessions.id, keep), onlyIf))
      .returning({ id: sessions.id, expiresAt: sessions.expiresAt }),
  ] as const;
}

/** Ends every session of the person but `keep`; answers how many unexpired sessions ended. */
export async function revokeOtherFamilies(db: Database, userId: string, keep: string | null): Promise<number> {
  const now = Date.now();
  const [, ended] = await db.batch(revokeOtherFamiliesStatements(db, userId, keep, now));
  return ended.filter((s) => s.expiresAt > now).length;
}

/** The family of a token the given user holds, if any (logout must not revoke someone else's). */
export async function findFamilyOf(db: Database, token: string, userId: string): Promise<string | null> {
  const row = await db.query.refreshTokens.findFirst({
    where: and(eq(refreshTokens.tokenHash, await sha256Base64Url(token)), eq(refreshTokens.userId, userId)),
  });
  return row?.familyId ?? null;
}

/**
 * Deletes refresh tokens that expired more than a day ago (the daily cron): they can no longer be
 * used, and reuse of one is refused as expired whether its row is there or not. Answers how many went.
 */
export async function pruneExpiredRefreshTokens(db: Database, now = Date.now()): Promise<number> {
  const removed = await db
    .delete(refreshTokens)
    .where(lte(refreshTokens.expiresAt, now - DAY_MS))
    .returning({ tokenHash: refreshTokens.tokenHash });
  return removed.length;
}
