// Password hashing with PBKDF2-SHA256 through WebCrypto. The iteration count is stored with each
// hash so it can be raised later without invalidating existing accounts.
import { base64UrlToBytes, bytesToBase64Url, constantTimeEqual, randomBytes } from "../lib/encoding.ts";

/** The most Workers' WebCrypto accepts for PBKDF2. */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return { hash: bytesToBase64Url(hash), salt: bytesToBase64Url(salt), iterations: PBKDF2_ITERATIONS };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const actual = await derive(password, base64UrlToBytes(stored.salt), stored.iterations);
  return constantTimeEqual(actual, base64UrlToBytes(stored.hash));
}

/**
 * Spends the same time as a real check, so that a login for an unknown email cannot be told apart
 * from a wrong password by how long it takes.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  await derive(password, new Uint8Array(SALT_BYTES), PBKDF2_ITERATIONS);
}

/** Checks a password against a users row as stored in D1. */
export function verifyUserPassword(
  password: string,
  row: { passwordHash: string; passwordSalt: string; passwordIterations: number },
): Promise<boolean> {
  return verifyPassword(password, { hash: row.passwordHash, salt: row.passwordSalt, iterations: row.passwordIterations });
}
