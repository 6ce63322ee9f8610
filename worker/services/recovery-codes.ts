// Recovery without email: a person makes ten single-use codes while signed in (current password
// required), and later sets a new password with one of them. Spending a code ends every session.
import { and, count, eq, exists, isNull, min, sql } from "drizzle-orm";
import type { z } from "zod";
import { hashPassword, verifyUserPassword } from "../auth/password.ts";
import { hashRecoveryCode, newRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "../auth/recovery-codes.ts";
import type { Device } from "../auth/device.ts";
import { revokeOtherFamiliesStatements } from "../auth/refresh-tokens.ts";
import { issueSession } from "../auth/session.ts";
import type { Database } from "../db/client.ts";
import { recoveryCodes, users } from "../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { accountDisabled } from "./account-check.ts";
import type { RecoverBodySchema } from "../schemas/recovery-codes.ts";

const wrongPassword = () => new ApiError(403, "wrong_password", "The password is not correct.");
/** One answer for an unknown email, a wrong code and a spent one: none tells which. */
const invalidRecovery = () => new ApiError(401, "invalid_recovery_code", "That email and recovery code do not match an account.");

/** A new set of ten codes, answered once; the old set is deleted in the same batch. */
export async function generateRecoveryCodes(db: Database, secret: string, userId: string, password: string) {
  const row = await db.query.users.findFirst({ where: eq(users.id, userId) });
  // 403, not 401: the session is fine, the confirmation is wrong (a client must not refresh and retry).
  if (!row || !(await verifyUserPassword(password, row))) throw wrongPassword();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((code) => hashRecoveryCode(secret, userId, normaliseRecoveryCode(code))));
  const now = Date.now();
  await db.batch([
    db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
    db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now }))),
  ]);
  return { codes, created_at: new Date(now).toISOString() };
}

/** How many codes of the current set are left, and when it was made; never the codes. */
export async function recoveryCodesStatus(db: Database, userId: string) {
  const [row] = await db
    .select({
      total: count(),
      remaining: sql<number>`count(*) FILTER (WHERE ${recoveryCodes.usedAt} IS NULL)`,
      createdAt: min(recoveryCodes.createdAt),
    })
    .from(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId));
  return {
    remaining: Number(row?.remaining ?? 0),
    total: row?.total ?? 0,
    created_at: row?.createdAt == null ? null : new Date(row.createdAt).toISOString(),
  };
}

/**
 * Spends one code and sets the new password, ending every session, in one D1 batch (one
 * transaction). Every statement carries the condition "this code is still unspent" and the spending
 * UPDATE comes last, so two requests with the same code cannot both get through: the batches run one
 * after the other, and the second finds the code spent and changes nothing.
 *
 * The work is the same whatever the outcome, like sign-in's: the new password is hashed (PBKDF2)
 * and the batch runs in every case; for an unknown email it runs against an id no one has. Then a
 * fresh session is issued, as sign-in does.
 */
export async function recoverWithCode(db: Database, secret: string, body: z.output<typeof RecoverBodySchema>, device: Device) {
  const row = await db.query.users.findFirst({ where: eq(users.email, body.email), columns: { id: true, email: true, name: true, role: true, disabledAt: true } });
  const userId = row?.id ?? crypto.randomUUID();
  const [codeHash, hashed] = await Promise.all([hashRecoveryCode(secret, userId, body.code), hashPassword(body.new_password)]);
  const now = Date.now();
  const thisCode = and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash));
  // A disabled account keeps its password, its sessions and its code: nothing below changes it.
  const enabled = exists(
    db
      .select({ one: sql`1` })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.disabledAt))),
  );
  const unspent = and(
    enabled,
    exists(
      db
        .select({ one: sql`1` })
        .from(recoveryCodes)
        .where(and(thisCode, isNull(recoveryCodes.usedAt))),
    ),
  )!;
  const results = await db.batch([
    db
      .update(users)
      .set({ passwordHash: hashed.hash, passwordSalt: hashed.salt, passwordIterations: hashed.iterations })
      .where(and(eq(users.id, userId), unspent)),
    ...revokeOtherFamiliesStatements(db, userId, null, now, unspent),
    db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(thisCode, isNull(recoveryCodes.usedAt), enabled))
      .returning({ userId: recoveryCodes.userId }),
  ]);
  const spent = results[3];
  if (row && row.disabledAt !== null) {
    // Said only to someone holding one of the account's unspent codes.
    const [valid] = await db.select({ one: sql`1` }).from(recoveryCodes).where(and(thisCode, isNull(recoveryCodes.usedAt)));
    if (valid) throw accountDisabled();
  }
  if (!row || spent.length === 0) throw invalidRecovery();
  const user = { id: row.id, email: row.email, name: row.name, role: row.role };
  const session = await issueSession(db, secret, user, device);
  return { user, ...session };
}
