// Web Push from the Worker, with WebCrypto and jose only: the message is encrypted for the one
// browser that subscribed (RFC 8291, "aes128gcm" content coding of RFC 8188), and the request to its
// push service is signed with the app's VAPID key (RFC 8292), so that the push service knows who
// sends and no one on the way can read the words.
import { importJWK, SignJWT } from "jose";
import { base64UrlToBytes, bytesToBase64Url, randomBytes } from "../lib/encoding.ts";
import type { PushSubscriptionJson } from "../schemas/reminders.ts";

/** The app's VAPID identity: both keys base64url (public: 65-byte point; private: 32-byte scalar). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** A mailto: or https: address the push service can reach the sender at. */
  subject: string;
}

const encoder = new TextEncoder();
/** RFC 8188's record size; one record holds any message this app sends. */
const RECORD_SIZE = 4096;
/** How long a push service keeps a message for an offline device: a reminder is stale after a day. */
const TTL_SECONDS = 86_400;

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

async function hkdf(salt: Uint8Array, ikm: Uint8Array, info: Uint8Array, bytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", ikm as BufferSource, "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: salt as BufferSource, info: info as BufferSource }, key, bytes * 8);
  return new Uint8Array(bits);
}

/** The content key and nonce both sides derive (RFC 8291 section 3.4, RFC 8188 section 2.2). */
export async function deriveContentKeys(input: { ecdhSecret: Uint8Array; authSecret: Uint8Array; uaPublic: Uint8Array; asPublic: Uint8Array; salt: Uint8Array }) {
  const keyInfo = concat(encoder.encode("WebPush: info\0"), input.uaPublic, input.asPublic);
  const ikm = await hkdf(input.authSecret, input.ecdhSecret, keyInfo, 32);
  const cek = await hkdf(input.salt, ikm, encoder.encode("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await hkdf(input.salt, ikm, encoder.encode("Content-Encoding: nonce\0"), 12);
  return { cek, nonce };
}

/** The sender's side of one message: an ECDH key pair and a salt, fresh for every message. */
export interface MessageSender {
  privateKey: CryptoKey;
  /** The uncompressed public point, 65 bytes. */
  publicKey: Uint8Array;
  salt: Uint8Array;
}

/** Nothing links two messages to one another: each has its own key pair and salt. */
export async function newMessageSender(): Promise<MessageSender> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as CryptoKeyPair;
  const publicKey = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  return { privateKey: pair.privateKey, publicKey, salt: randomBytes(16) };
}

/** The encrypted body for one subscription: header (salt, record size, sender's key) and one record. */
export async function encryptForSubscription(subscription: PushSubscriptionJson, plaintext: Uint8Array, sender?: MessageSender): Promise<Uint8Array> {
  const { privateKey, publicKey: asPublic, salt } = sender ?? (await newMessageSender());
  const uaPublic = base64UrlToBytes(subscription.keys.p256dh);
  const authSecret = base64UrlToBytes(subscription.keys.auth);
  const ua = await crypto.subtle.importKey("raw", uaPublic as BufferSource, { name: "ECDH", namedCurve: "P-256" }, false, []);
  // WebCrypto names the peer's key `public` (the Workers types spell it `$public`, a reserved word).
  const ecdh = Object.assign({ name: "ECDH" }, { public: ua });
  const ecdhSecret = new Uint8Array(await crypto.subtle.deriveBits(ecdh, privateKey, 256));
  const { cek, nonce } = await deriveContentKeys({ ecdhSecret, authSecret, uaPublic, asPublic, salt });
  const key = await crypto.subtle.importKey("raw", cek as BufferSource, "AES-GCM", false, ["encrypt"]);
  // The last (only) record ends with the delimiter 0x02; no padding beyond it.
  const record = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce as BufferSource }, key, concat(plaintext, Uint8Array.of(2)) as BufferSource));
  const header = new Uint8Array(16 + 4 + 1 + asPublic.length);
  header.set(salt, 0);
  new DataView(header.buffer).setUint32(16, RECORD_SIZE);
  header[20] = asPublic.length;
  header.set(asPublic, 21);
  return concat(header, record);
}

/** `Authorization: vapid t=…, k=…` for a push service's origin, valid for 12 hours. */
export async function vapidAuthorization(endpoint: string, vapid: VapidKeys, now = Date.now()): Promise<string> {
  const point = base64UrlToBytes(vapid.publicKey);
  const jwk = { kty: "EC", crv: "P-256", x: bytesToBase64Url(point.slice(1, 33)), y: bytesToBase64Url(point.slice(33, 65)), d: vapid.privateKey };
  const key = await importJWK(jwk, "ES256");
  const token = await new SignJWT({ sub: vapid.subject })
    .setProtectedHeader({ typ: "JWT", alg: "ES256" })
    .setAudience(new URL(endpoint).origin)
    .setExpirationTime(Math.floor(now / 1000) + 12 * 3600)
    .sign(key);
  return `vapid t=${token}, k=${vapid.publicKey}`;
}

export type PushOutcome = "sent" | "gone" | "failed";

/** Sends one message; "gone" when the push service says the subscription no longer exists. */
export async function sendPush(subscription: PushSubscriptionJson, message: unknown, vapid: VapidKeys): Promise<PushOutcome> {
  const body = await encryptForSubscription(subscription, encoder.encode(JSON.stringify(message)));
  const res = await fetch(subscription.endpoint, {
    method: "POST",
    headers: {
      Authorization: await vapidAuthorization(subscription.endpoint, vapid),
      "Content-Encoding": "aes128gcm",
      "Content-Type": "application/octet-stream",
      TTL: String(TTL_SECONDS),
      Urgency: "normal",
    },
    body,
  });
  await res.body?.cancel();
  if (res.status === 404 || res.status === 410) return "gone";
  return res.ok ? "sent" : "failed";
}
