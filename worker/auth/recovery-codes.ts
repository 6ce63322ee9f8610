// Recovery codes: how they are made, written and hashed. Ten random characters of Crockford's base32
// (50 bits) each, grouped as ABCDE-FGHJK; read back forgivingly (case, spaces, dashes, O/0, I/L/1).
//
// Hash: HMAC-SHA-256 keyed with JWT_SECRET over the person's id and the code, not PBKDF2 and not bare
// SHA-256. A code is random, not chosen by a person, so a slow hash buys nothing against guessing
// online (the rate limiter and 50 bits do that); but 50 bits are within reach of an offline search
// of bare SHA-256 on GPUs, so a copy of D1 alone must not be enough: the key lives only in the
// Worker's secrets. Anyone holding JWT_SECRET can already mint access tokens, so the key adds no new
// secret to guard. Mixing in the user id keeps one person's hash useless for another. Rotating
// JWT_SECRET makes every stored code stop working: people then generate a new set.
import { bytesToBase64Url, randomBytes } from "../lib/encoding.ts";

export const RECOVERY_CODE_COUNT = 10;
const CODE_LENGTH = 10;
/** Crockford's base32: no I, L, O or U, so nothing written down is ambiguous. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const NORMALISED_CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** One fresh code as shown to the person: ABCDE-FGHJK. */
export function newRecoveryCode(): string {
  // 32 divides 256, so taking the low five bits of each byte is unbiased.
  const chars = Array.from(randomBytes(CODE_LENGTH), (b) => ALPHABET[b & 31]!).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What a person typed, in the form that was hashed: upper case, no separators, look-alikes mapped. */
export function normaliseRecoveryCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export async function hashRecoveryCode(secret: string, userId: string, normalisedCode: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`recovery-code:${userId}:${normalisedCode}`));
  return bytesToBase64Url(new Uint8Array(mac));
}
