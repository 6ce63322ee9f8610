// Opaque rotating refresh tokens. Only a SHA-256 hash is stored; each use rotates the token within
// its family, and presenting a token that was already rotated means it leaked: the family is revoked.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { refreshTokens } from "../db/schema.ts";
import { bytesToBase64Url, randomBytes, sha256Base64Url } from "../lib/encoding.ts";

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export async function createRefreshToken(db: Database, userId: string, familyId: string): Promise<string> {
  const token = bytesToBase64Url(randomBytes(32));
  const now = Date.now();
  await db.insert(refreshTokens).values({
    tokenHash: await sha256Base64Url(token),
    userId,
    familyId,
    createdAt: now,
    expiresAt: now + REFRESH_TOKEN_TTL_MS,
  });
  return token;
}

export type RotationResult =
  | { ok: true; userId: string; familyId: string }
  | { ok: false; reason: "unknown" | "expired" | "revoked" | "reused" };

/** Marks the presented token as used, exactly once even under concurrent requests. */
export async function consumeRefreshToken(db: Database, token: string): Promise<RotationResult> {
  const tokenHash = await sha256Base64Url(token);
  const row = await db.query.refreshTokens.findFirst({ where: eq(refreshTokens.tokenHash, tokenHash) });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt !== null) return { ok: false, reason: "revoked" };
  if (row.rotatedAt !== null) {
    await revokeFamily(db, row.familyId);
    return { ok: false, reason: "reused" };
  }
  if (row.expiresAt <= Date.now()) return { ok: false, reason: "expired" };

  const claimed = await db
    .update(refreshTokens)
    .set({ rotatedAt: Date.now() })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)))
    .returning({ tokenHash: refreshTokens.tokenHash });
  if (claimed.length === 0) {
    // Another request rotated it between our read and write: the same token was presented twice.
    await revokeFamily(db, row.familyId);
    return { ok: false, reason: "reused" };
  }
  return { ok: true, userId: row.userId, familyId: row.familyId };
}

export async function revokeFamily(db: Database, familyId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: Date.now() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** The family of a token the given user holds, if any (logout must not revoke someone else's). */
export async function findFamilyOf(db: Database, token: string, userId: string): Promise<string | null> {
  const row = await db.query.refreshTokens.findFirst({
    where: and(eq(refreshTokens.tokenHash, await sha256Base64Url(token)), eq(refreshTokens.userId, userId)),
  });
  return row?.familyId ?? null;
}
