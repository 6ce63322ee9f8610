// A new VAPID key pair for Web Push (push reminders): `npm run vapid-keys` prints one to set with
// `wrangler secret put`; `npm run setup` writes one to .dev.vars for local use.
import { generateKeyPairSync } from "node:crypto";

/** Base64url public point (65 bytes, uncompressed) and private scalar (32 bytes), as the Worker reads them. */
export function vapidKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const pub = publicKey.export({ format: "jwk" });
  const point = Buffer.concat([Buffer.of(4), Buffer.from(pub.x!, "base64url"), Buffer.from(pub.y!, "base64url")]);
  return { publicKey: point.toString("base64url"), privateKey: privateKey.export({ format: "jwk" }).d! };
}

if (import.meta.main) {
  const keys = vapidKeyPair();
  console.log(`VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}`);
}
