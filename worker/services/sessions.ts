// A person's signed-in devices: one per refresh-token family, listed newest use first, ended one at a
// time or all but the current one. Ending a session revokes its refresh tokens; its access token (at
// most 15 minutes old) runs out on its own.
import { and, desc, eq, gt } from "drizzle-orm";
import { revokeOtherFamilies, revokeOwnFamily } from "../auth/refresh-tokens.ts";
import type { Database } from "../db/client.ts";
import { sessions } from "../db/schema.ts";
import { notFound } from "../lib/errors.ts";

/** A person with many more devices than this has stale sessions to end, not to read through. */
const SESSIONS_SHOWN = 100;

export async function listSessions(db: Database, userId: string, currentSessionId: string | null) {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, Date.now())))
    .orderBy(desc(sessions.lastUsedAt))
    .limit(SESSIONS_SHOWN);
  return {
    sessions: rows.map((s) => ({
      id: s.id,
      current: s.id === currentSessionId,
      created_at: new Date(s.createdAt).toISOString(),
      last_used_at: new Date(s.lastUsedAt).toISOString(),
      expires_at: new Date(s.expiresAt).toISOString(),
      user_agent: s.userAgent,
      city: s.city,
      country: s.country,
    })),
  };
}

export async function endSession(db: Database, userId: string, sessionId: string): Promise<void> {
  if (!(await revokeOwnFamily(db, userId, sessionId))) throw notFound("session");
}

/** "Sign out everywhere else". Without a current session (an access token older than session ids) every session ends. */
export async function endOtherSessions(db: Database, userId: string, currentSessionId: string | null): Promise<{ ended: number }> {
  return { ended: await revokeOtherFamilies(db, userId, currentSessionId) };
}
