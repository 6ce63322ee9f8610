// A software authenticator for the Worker tests: makes an ES256 key pair with WebCrypto and answers
// registration and sign-in options the way a browser with a platform authenticator would (attestation
// "none", authenticatorData, clientDataJSON, DER signatures), so that passkeys can be tested end to end
// without a browser. Every part of the answer can be bent to test what the server must refuse.
import { isoBase64URL, isoCBOR, isoUint8Array } from "@simplewebauthn/server/helpers";
import { BASE } from "./api.ts";

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_DATA = 0x40;
const COSE_KTY_EC2 = 2;
const COSE_ALG_ES256 = -7;
const COSE_CRV_P256 = 1;

export interface AnswerOverrides {
  /** The origin the "browser" reports (default: the tests' base URL). */
  origin?: string;
  /** The RP id the authenticator hashes into authenticatorData (default: the one the options name). */
  rpId?: string;
  /** Whether the authenticator says it verified the person (default true). */
  userVerified?: boolean;
  /** The signature counter to report (default: one more than last time). */
  counter?: number;
  /** The challenge to sign instead of the one in the options. */
  challenge?: string;
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string };
  user: { id: string };
}

interface RequestOptions {
  challenge: string;
  rpId?: string;
}

type CBORValue = Parameters<typeof isoCBOR.encode>[0];

function bytes(...parts: ArrayLike<number>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
const sha256 = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest("SHA-256", data));
const uint32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const rpHost = () => new URL(BASE).hostname;

/** One DER INTEGER from a big-endian unsigned value: leading zeros trimmed, a zero added if the top bit is set. */
function derInteger(value: Uint8Array): Uint8Array<ArrayBuffer> {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  const trimmed = value.slice(start);
  const body = (trimmed[0] ?? 0) & 0x80 ? bytes([0], trimmed) : trimmed;
  return bytes([0x02, body.length], body);
}

/** WebCrypto signs ECDSA as r‖s; WebAuthn carries it as a DER SEQUENCE of two INTEGERs. */
function derSignature(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  const seq = bytes(derInteger(raw.slice(0, 32)), derInteger(raw.slice(32)));
  return bytes([0x30, seq.length], seq);
}

export class SoftwareAuthenticator {
  private counter = 0;
  private userHandle: string | undefined;

  private constructor(
    readonly credentialId: string,
    private readonly keys: CryptoKeyPair,
  ) {}

  static async create(): Promise<SoftwareAuthenticator> {
    const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    if (!("privateKey" in keys)) throw new Error("expected a key pair");
    return new SoftwareAuthenticator(isoBase64URL.fromBuffer(crypto.getRandomValues(new Uint8Array(32))), keys);
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string) {
    return isoUint8Array.fromUTF8String(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private flags(o: AnswerOverrides, extra = 0): number {
    return FLAG_USER_PRESENT | (o.userVerified === false ? 0 : FLAG_USER_VERIFIED) | extra;
  }

  private async cosePublicKey() {
    // The raw form of a P-256 public key: 0x04, then x and y (32 bytes each).
    const exported = await crypto.subtle.exportKey("raw", this.keys.publicKey);
    if (!(exported instanceof ArrayBuffer)) throw new Error("expected the key's raw bytes");
    const raw = new Uint8Array(exported);
    const key = new Map<string | number, CBORValue>([
      [1, COSE_KTY_EC2],
      [3, COSE_ALG_ES256],
      [-1, COSE_CRV_P256],
      [-2, raw.slice(1, 33)],
      [-3, raw.slice(33, 65)],
    ]);
    return isoCBOR.encode(key);
  }

  /** Answers registration options as navigator.credentials.create() + toJSON() would. */
  async register(options: CreationOptions, o: AnswerOverrides = {}) {
    this.userHandle = options.user.id;
    const rpId = o.rpId ?? options.rp.id ?? rpHost();
    const credentialId = isoBase64URL.toBuffer(this.credentialId);
    const authData = bytes(
      await sha256(isoUint8Array.fromUTF8String(rpId)),
      [this.flags(o, FLAG_ATTESTED_DATA)],
      uint32(o.counter ?? this.counter),
      new Uint8Array(16),
      [credentialId.length >> 8, credentialId.length & 0xff],
      credentialId,
      await this.cosePublicKey(),
    );
    const attestationObject = isoCBOR.encode(
      new Map<string | number, CBORValue>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key" as const,
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(this.clientData("webauthn.create", o.challenge ?? options.challenge, o.origin ?? BASE)),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ["internal"],
      },
      authenticatorAttachment: "platform" as const,
      clientExtensionResults: {},
    };
  }

  /** Answers sign-in options as navigator.credentials.get() + toJSON() would; each answer counts one more use. */
  async sign(options: RequestOptions, o: AnswerOverrides = {}) {
    const rpId = o.rpId ?? options.rpId ?? rpHost();
    const counter = o.counter ?? ++this.counter;
    const authData = bytes(await sha256(isoUint8Array.fromUTF8String(rpId)), [this.flags(o)], uint32(counter));
    const clientDataJSON = this.clientData("webauthn.get", o.challenge ?? options.challenge, o.origin ?? BASE);
    const signed = bytes(authData, await sha256(clientDataJSON));
    const raw = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, this.keys.privateKey, signed));
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key" as const,
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
        authenticatorData: isoBase64URL.fromBuffer(authData),
        signature: isoBase64URL.fromBuffer(derSignature(raw)),
        ...(this.userHandle === undefined ? {} : { userHandle: this.userHandle }),
      },
      authenticatorAttachment: "platform" as const,
      clientExtensionResults: {},
    };
  }
}
