// The relying party a passkey is bound to, and the few fixed rules of passkeys. The party is the app's
// own origin, read from the request the way the session cookie decides it (auth/refresh-cookie.ts):
// the Worker serves the pages and the API from one origin, so `https://tideline.example` in
// production and `http://localhost:8787` locally (browsers allow WebAuthn on localhost over HTTP,
// never on a bare IP address such as 127.0.0.1).
import { isoUint8Array } from "@simplewebauthn/server/helpers";
import type { Context } from "hono";
import type { AppBindings } from "../lib/context.ts";

/** Shown by the browser and the authenticator beside the account name. */
export const RELYING_PARTY_NAME = "Tideline";

/** How long a challenge can be answered: the browser's own timeout is the same. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

/** Enough for every device a person owns; keeps the list and the exclusion list small. */
export const MAX_PASSKEYS_PER_PERSON = 20;

/** Expired challenges deleted while a new one is made: bounded work on the request path. */
export const CHALLENGE_SWEEP_BATCH = 20;

/** The relying party of this request: its id (the host name) and the origin the browser must report. */
export function relyingPartyOf(c: Context<AppBindings>) {
  const url = new URL(c.req.url);
  return { id: url.hostname, origin: url.origin, name: RELYING_PARTY_NAME };
}

export type RelyingParty = ReturnType<typeof relyingPartyOf>;

/** The WebAuthn user handle: the person's id as UTF-8 bytes, so a sign-in's userHandle can be checked against it. */
export const userHandleOf = (userId: string) => isoUint8Array.fromUTF8String(userId);
