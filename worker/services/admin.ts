// What operators see and do without ever seeing a journal: accounts with counts and times (never
// entry text, titles, tags or moods), disabling and enabling an account, and service-wide counts.
// These are the only reads that span people; each is a count or a page over an index.
import { count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { revokeOtherFamiliesStatements } from "../auth/refresh-tokens.ts";
import type { Database } from "../db/client.ts";
import { entries, insights, sessions, userActivity, users } from "../db/schema.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import { encodeCursor, keysetAfter } from "../lib/keyset-cursor.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The latest use of any of the person's sessions: one row by the (user_id, last_used_at) index. */
const lastSessionUse = sql<number | null>`(SELECT max(${sessions.lastUsedAt}) FROM ${sessions} WHERE ${sessions.userId} = ${users.id})`;

const accountColumns = {
  id: users.id,
  email: users.email,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
  entryCount: sql<number>`coalesce(${userActivity.entries}, 0)`,
  lastEntryAt: userActivity.lastEntryAt,
  lastSessionAt: lastSessionUse,
};

type AccountRow = Awaited<ReturnType<typeof selectAccounts>>[number];

function toAdminUser(row: AccountRow) {
  const lastActive = Math.max(row.lastEntryAt ?? 0, row.lastSessionAt ?? 0);
  return {
    id: row.id,
    email: row.email,
    created_at: new Date(row.createdAt).toISOString(),
    last_active_at: lastActive > 0 ? new Date(lastActive).toISOString() : null,
    entry_count: row.entryCount,
    disabled: row.disabledAt !== null,
    disabled_at: iso(row.disabledAt),
  };
}

const selectAccounts = (db: Database, where: SQL | undefined) =>
  db.select(accountColumns).from(users).leftJoin(userActivity, eq(userActivity.userId, users.id)).where(where);

/** Accounts, newest first, by the (created_at, id) index; counts come from the kept user_activity row. */
export async function adminUserPage(db: Database, query: { cursor?: string | undefined; limit: number }) {
  const rows = await selectAccounts(db, keysetAfter(query.cursor, users.createdAt, users.id))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { users: page.map(toAdminUser), next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/**
 * Disables or enables an account. Disabling revokes every refresh token and session in the same
 * batch, and the authentication guard reads the flag on every request, so the account's access
 * tokens stop working at once. An administrator cannot disable their own account.
 */
export async function setAccountDisabled(db: Database, adminId: string, userId: string, disabled: boolean) {
  if (disabled && userId === adminId) throw new ApiError(409, "cannot_disable_self", "You cannot disable your own account.");
  const now = Date.now();
  const update = db
    .update(users)
    .set({ disabledAt: disabled ? sql`coalesce(${users.disabledAt}, ${now})` : null })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  const [updated] = disabled ? (await db.batch([update, ...revokeOtherFamiliesStatements(db, userId, null, now)]))[0] : await update;
  if (!updated) throw notFound("account");
  const [row] = await selectAccounts(db, eq(users.id, userId));
  return toAdminUser(row!);
}

/** How many people and entries there are, and how the analysis queue is doing. */
export async function adminStats(db: Database, now = Date.now()) {
  const pending = eq(insights.status, "pending");
  const [[people], [entryTotal], [jobs]] = await db.batch([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(entries),
    db
      .select({
        waiting: sql<number>`count(*) FILTER (WHERE ${insights.status} = 'pending')`,
        failed: sql<number>`count(*) FILTER (WHERE ${insights.status} = 'pending' AND ${insights.attempts} > 0)`,
        deadLettered: sql<number>`count(*) FILTER (WHERE ${insights.status} = 'failed')`,
      })
      .from(insights)
      .where(or(pending, eq(insights.status, "failed"))),
  ]);
  const waiting = jobs?.waiting ?? 0;
  let medianAge: number | null = null;
  if (waiting > 0) {
    // The middle waiting job, walking the (status, updated_at) index to it: no sort, no other rows.
    const [middle] = await db
      .select({ at: insights.updatedAt })
      .from(insights)
      .where(pending)
      .orderBy(desc(insights.updatedAt))
      .limit(1)
      .offset(Math.floor(waiting / 2));
    medianAge = middle ? Math.max(0, now - middle.at) : null;
  }
  return {
    people: people?.n ?? 0,
    entries: entryTotal?.n ?? 0,
    jobs: { waiting, failed: jobs?.failed ?? 0, dead_lettered: jobs?.deadLettered ?? 0, median_age_ms: medianAge },
  };
}
