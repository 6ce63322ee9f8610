// Passkeys: register one while signed in, sign in with one (no password), list, rename and remove
// them. @simplewebauthn/server checks the WebAuthn answers; this file keeps the challenges
// single-use (each is spent by one DELETE … RETURNING, so a replayed answer finds nothing) and
// short-lived, the signature counter moving forward, and the passkeys each person's own.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, asc, count, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import type { z } from "zod";
import type { Device } from "../auth/device.ts";
import {
  CHALLENGE_SWEEP_BATCH,
  MAX_PASSKEYS_PER_PERSON,
  PASSKEY_CHALLENGE_TTL_MS,
  type RelyingParty,
  userHandleOf,
} from "../auth/passkeys.ts";
import { issueSession } from "../auth/session.ts";
import type { Database } from "../db/client.ts";
import { passkeyChallenges, passkeys } from "../db/passkeys-schema.ts";
import { users } from "../db/schema.ts";
import type { AuthenticatedUser } from "../lib/context.ts";
import { isUniqueViolation } from "../lib/db-errors.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import { StoredTransportsSchema, type PasskeyLoginBodySchema, type RegisterPasskeyBodySchema } from "../schemas/passkeys.ts";

type Purpose = (typeof passkeyChallenges.$inferSelect)["purpose"];

const DEFAULT_NAME = "Passkey";

const tooMany = () =>
  new ApiError(409, "too_many_passkeys", `You have ${MAX_PASSKEYS_PER_PERSON} passkeys, the most an account can have. Remove one first.`);
const alreadyRegistered = () => new ApiError(409, "passkey_exists", "This passkey is already registered.");
/** Registering: the person is signed in, so a failed check is a bad request, never "signed out" (401). */
const registrationExpired = () =>
  new ApiError(400, "passkey_challenge_invalid", "The passkey request has expired or was already used. Please try again.");
const registrationRejected = () => new ApiError(400, "passkey_rejected", "The passkey could not be verified. Please try again.");
const signInExpired = () =>
  new ApiError(401, "passkey_challenge_invalid", "The sign-in request has expired or was already used. Please try again.");
/** One answer for an unknown passkey, a removed one and a bad signature: none says which. */
const signInRejected = () => new ApiError(401, "passkey_not_accepted", "That passkey could not sign you in.");

/** Stores a fresh challenge and sweeps a few expired ones, in one batch. */
async function keepChallenge(db: Database, challenge: string, purpose: Purpose, userId: string | null): Promise<void> {
  const now = Date.now();
  const expired = db
    .select({ challenge: passkeyChallenges.challenge })
    .from(passkeyChallenges)
    .where(lt(passkeyChallenges.expiresAt, now))
    .limit(CHALLENGE_SWEEP_BATCH);
  await db.batch([
    db.delete(passkeyChallenges).where(inArray(passkeyChallenges.challenge, expired)),
    db.insert(passkeyChallenges).values({ challenge, purpose, userId, expiresAt: now + PASSKEY_CHALLENGE_TTL_MS }),
  ]);
}

/**
 * Spends a challenge: true once, for an unexpired challenge of this purpose (and person, when
 * registering); every later call with it finds nothing. The library calls this with the challenge the
 * authenticator signed, so an answer is accepted only against a challenge this server handed out.
 */
async function spendChallenge(db: Database, challenge: string, purpose: Purpose, userId: string | null): Promise<boolean> {
  const spent = await db
    .delete(passkeyChallenges)
    .where(
      and(
        eq(passkeyChallenges.challenge, challenge),
        eq(passkeyChallenges.purpose, purpose),
        userId === null ? isNull(passkeyChallenges.userId) : eq(passkeyChallenges.userId, userId),
        gt(passkeyChallenges.expiresAt, Date.now()),
      ),
    )
    .returning({ challenge: passkeyChallenges.challenge });
  return spent.length === 1;
}

/**
 * The challenge check handed to the library, which calls it with the challenge the authenticator
 * signed once the answer's shape and type are right. It remembers what it found, so that a failure
 * can say "expired or already used" rather than "not accepted".
 */
function challengeCheck(db: Database, purpose: Purpose, userId: string | null) {
  let outcome: "unchecked" | "spent" | "not_waiting" = "unchecked";
  return {
    spend: async (challenge: string) => {
      const spent = await spendChallenge(db, challenge, purpose, userId);
      outcome = spent ? "spent" : "not_waiting";
      return spent;
    },
    notWaiting: () => outcome === "not_waiting",
  };
}

async function passkeyCount(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}

function view(row: typeof passkeys.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    created_at: new Date(row.createdAt).toISOString(),
    last_used_at: row.lastUsedAt === null ? null : new Date(row.lastUsedAt).toISOString(),
    synced: row.backedUp,
  };
}

/** Options for the browser's navigator.credentials.create(): a discoverable credential, user verification required. */
export async function registrationOptions(db: Database, rp: RelyingParty, account: AuthenticatedUser) {
  const existing = await db
    .select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, account.id))
    .limit(MAX_PASSKEYS_PER_PERSON + 1);
  if (existing.length >= MAX_PASSKEYS_PER_PERSON) throw tooMany();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: account.email,
    userDisplayName: account.name,
    userID: userHandleOf(account.id),
    timeout: PASSKEY_CHALLENGE_TTL_MS,
    attestationType: "none",
    // The authenticator already holding one of this person's passkeys says so instead of making a second.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: StoredTransportsSchema.parse(JSON.parse(p.transports)) })),
    // Sign-in asks for no email, so the passkey must be discoverable; and it is the only factor, so
    // the authenticator must verify the person (PIN, fingerprint, face), not just their presence.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await keepChallenge(db, options.challenge, "register", account.id);
  return options;
}

/** Checks the browser's answer against a challenge this person was given, and stores the passkey. */
export async function registerPasskey(db: Database, rp: RelyingParty, userId: string, body: z.output<typeof RegisterPasskeyBodySchema>) {
  const check = challengeCheck(db, "register", userId);
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: body.response,
      expectedChallenge: check.spend,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch {
    // The library throws on anything malformed or mismatched (origin, RP id, flags, CBOR): all the
    // client's doing. A challenge it never reached stays unspent and simply expires.
    throw check.notWaiting() ? registrationExpired() : registrationRejected();
  }
  if (!verification.verified) throw registrationRejected();
  if ((await passkeyCount(db, userId)) >= MAX_PASSKEYS_PER_PERSON) throw tooMany();
  const info = verification.registrationInfo;
  const row = {
    id: crypto.randomUUID(),
    userId,
    credentialId: info.credential.id,
    publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
    counter: info.credential.counter,
    transports: JSON.stringify(StoredTransportsSchema.catch([]).parse(info.credential.transports ?? [])),
    deviceType: info.credentialDeviceType,
    backedUp: info.credentialBackedUp,
    name: body.name ?? DEFAULT_NAME,
    createdAt: Date.now(),
    lastUsedAt: null,
  };
  try {
    await db.insert(passkeys).values(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyRegistered();
    throw err;
  }
  return view(row);
}

/** The challenge an answer signed, or null when clientDataJSON is not readable. */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(isoBase64URL.toUTF8String(clientDataJSON));
    if (typeof data === "object" && data !== null && "challenge" in data && typeof data.challenge === "string") return data.challenge;
  } catch {
    // Not base64url JSON: no challenge to speak of.
  }
  return null;
}

/** Options for navigator.credentials.get(): no allow-list, the person picks one of their discoverable passkeys. */
export async function loginOptions(db: Database, rp: RelyingParty) {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    timeout: PASSKEY_CHALLENGE_TTL_MS,
    userVerification: "required",
  });
  await keepChallenge(db, options.challenge, "login", null);
  return options;
}

/**
 * Signs in with a passkey: the signature must verify against the stored public key, over a login
 * challenge this server handed out (spent here), from this origin, with the person verified and the
 * counter moving forward. Then a session starts exactly as a password sign-in starts one.
 */
export async function signInWithPasskey(
  db: Database,
  secret: string,
  rp: RelyingParty,
  body: z.output<typeof PasskeyLoginBodySchema>,
  device: Device,
) {
  const { response } = body;
  const [found] = await db
    .select({ passkey: passkeys, user: { id: users.id, email: users.email, name: users.name, role: users.role } })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.credentialId, response.id))
    .limit(1);
  // Spend the challenge even for an unknown passkey, so that an answer is never worth a second try.
  if (!found) {
    const challenge = challengeOf(response.response.clientDataJSON);
    if (challenge !== null) await spendChallenge(db, challenge, "login", null);
    throw signInRejected();
  }
  const { passkey, user } = found;
  // A discoverable credential names its person; it must be the passkey's owner.
  if (response.response.userHandle !== undefined && response.response.userHandle !== isoBase64URL.fromBuffer(userHandleOf(user.id))) {
    throw signInRejected();
  }

  const check = challengeCheck(db, "login", null);
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: check.spend,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: StoredTransportsSchema.parse(JSON.parse(passkey.transports)),
      },
      requireUserVerification: true,
    });
  } catch {
    throw check.notWaiting() ? signInExpired() : signInRejected();
  }
  if (!verification.verified) throw signInRejected();

  // Moves the counter on only if no other sign-in moved it first (an authenticator that keeps no
  // counter always reports 0), and only if the passkey still exists: a removed one signs no one in.
  const { newCounter, credentialBackedUp } = verification.authenticationInfo;
  const moved = await db
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: Date.now(), backedUp: credentialBackedUp })
    .where(and(eq(passkeys.id, passkey.id), newCounter === 0 ? undefined : lt(passkeys.counter, newCounter)))
    .returning({ id: passkeys.id });
  if (moved.length === 0) throw signInRejected();

  const session = await issueSession(db, secret, user, device);
  return { user, ...session };
}

export async function listPasskeys(db: Database, userId: string) {
  const rows = await db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt))
    .limit(MAX_PASSKEYS_PER_PERSON);
  return { passkeys: rows.map(view) };
}

export async function renamePasskey(db: Database, userId: string, id: string, name: string) {
  const [row] = await db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning();
  if (!row) throw notFound("passkey");
  return view(row);
}

export async function removePasskey(db: Database, userId: string, id: string): Promise<void> {
  const removed = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning({ id: passkeys.id });
  if (removed.length === 0) throw notFound("passkey");
}
