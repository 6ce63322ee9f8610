// The daily reminder: the calendar file, Web Push subscriptions, and the cron's round that encrypts
// a message for each due browser and signs it with the app's VAPID key. A fake push service (fetch
// replaced) records each request; the test decrypts it as the browser would and checks the signature.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { importJWK, jwtVerify } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../worker/index.ts";
import { base64UrlToBytes, bytesToBase64Url } from "../worker/lib/encoding.ts";
import { instantOfLocalTime, localDate } from "../worker/lib/time-zone.ts";
import { deriveContentKeys, encryptForSubscription } from "../worker/push/web-push.ts";
import { REMINDER_CRON, REMINDER_MESSAGE, reminderDue, vapidKeys } from "../worker/services/reminders.ts";
import { call, expectError, json, registerUser } from "./helpers/api.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A browser's side of a subscription: its ECDH key pair and auth secret. */
async function browserKeys() {
  const pair = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as CryptoKeyPair;
  const publicKey = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const auth = crypto.getRandomValues(new Uint8Array(16));
  return { privateKey: pair.privateKey, publicKey, auth, json: { p256dh: bytesToBase64Url(publicKey), auth: bytesToBase64Url(auth) } };
}
type BrowserKeys = Awaited<ReturnType<typeof browserKeys>>;

/** What the browser does with a push message: derive the keys from the header and open the record. */
async function decrypt(body: Uint8Array, browser: BrowserKeys) {
  const salt = body.slice(0, 16);
  const recordSize = new DataView(body.buffer, body.byteOffset).getUint32(16);
  const idLength = body[20]!;
  const asPublic = body.slice(21, 21 + idLength);
  const sender = await crypto.subtle.importKey("raw", asPublic, { name: "ECDH", namedCurve: "P-256" }, false, []);
  const ecdhSecret = new Uint8Array(await crypto.subtle.deriveBits(Object.assign({ name: "ECDH" }, { public: sender }), browser.privateKey, 256));
  const { cek, nonce } = await deriveContentKeys({ ecdhSecret, authSecret: browser.auth, uaPublic: browser.publicKey, asPublic, salt });
  const key = await crypto.subtle.importKey("raw", cek, "AES-GCM", false, ["decrypt"]);
  const padded = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: nonce }, key, body.slice(21 + idLength)));
  expect(padded.at(-1)).toBe(2);
  return { recordSize, idLength, text: new TextDecoder().decode(padded.slice(0, -1)) };
}

interface Recorded {
  url: string;
  headers: Headers;
  body: Uint8Array;
}

/** Replaces fetch with a push service that answers `status` and records what it was sent. */
function fakePushService(status = 201) {
  const sent: Recorded[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ url: request.url, headers: request.headers, body: new Uint8Array(await request.arrayBuffer()) });
    return new Response(null, { status });
  });
  return sent;
}

const TZ = "Asia/Tokyo";
/** Noon today in Tokyo, and the instant a round runs: `minutes` after it. */
const noonPlus = (minutes: number) => instantOfLocalTime(localDate(Date.now(), TZ), "12:00", TZ) + minutes * 60_000;

async function runReminderRound(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: REMINDER_CRON }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function subscribedPerson(endpoint: string) {
  const user = await registerUser();
  expect((await call("PUT", "/api/settings", { token: user.token, body: { timezone: TZ, reminder_time: "12:00" } })).status).toBe(200);
  const browser = await browserKeys();
  const res = await call("POST", "/api/reminders/push", { token: user.token, body: { endpoint, keys: browser.json } });
  expect(res.status).toBe(201);
  return { user, browser };
}

const uniqueEndpoint = () => `https://push.example.test/send/${crypto.randomUUID()}`;
const subscriptionRow = (endpoint: string) => env.DB.prepare("SELECT * FROM push_subscriptions WHERE endpoint = ?").bind(endpoint).first<Record<string, any>>();

describe("RFC 8291 encryption", () => {
  it("reproduces the RFC's worked example byte for byte", async () => {
    // RFC 8291 section 5 (appendix A): fixed sender key and salt make the output exact.
    const asPublic = base64UrlToBytes("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
    const privateKey = await crypto.subtle.importKey(
      "jwk",
      { kty: "EC", crv: "P-256", d: "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw", x: bytesToBase64Url(asPublic.slice(1, 33)), y: bytesToBase64Url(asPublic.slice(33, 65)) },
      { name: "ECDH", namedCurve: "P-256" },
      false,
      ["deriveBits"],
    );
    const body = await encryptForSubscription(
      {
        endpoint: "https://push.example.net/push/JzLQ3raZJfFBR0aqvOMsLrt54w4rJUsV",
        keys: { p256dh: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4", auth: "BTBZMqHH6r4Tts7J_aSIgg" },
      },
      new TextEncoder().encode("When I grow up, I want to be a watermelon"),
      { privateKey, publicKey: asPublic, salt: base64UrlToBytes("DGv6ra1nlYgDCS1FRnbzlw") },
    );
    expect(bytesToBase64Url(body)).toBe(
      "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
    );
  });

  it("uses a fresh sender key and salt for every message", async () => {
    const browser = await browserKeys();
    const subscription = { endpoint: uniqueEndpoint(), keys: browser.json };
    const [one, two] = await Promise.all([0, 1].map(() => encryptForSubscription(subscription, new TextEncoder().encode("same words"))));
    expect(bytesToBase64Url(one!.slice(0, 86))).not.toBe(bytesToBase64Url(two!.slice(0, 86)));
    expect((await decrypt(one!, browser)).text).toBe("same words");
  });
});

describe("when a reminder is due", () => {
  it("is due from its time for half an hour, once a local day", () => {
    const today = localDate(noonPlus(0), TZ);
    expect(reminderDue(noonPlus(-10), "12:00", TZ, null)).toBeNull();
    expect(reminderDue(noonPlus(0), "12:00", TZ, null)).toBe(today);
    expect(reminderDue(noonPlus(29), "12:00", TZ, null)).toBe(today);
    expect(reminderDue(noonPlus(31), "12:00", TZ, null)).toBeNull();
    expect(reminderDue(noonPlus(5), "12:00", TZ, today)).toBeNull();
  });

  it("needs the three VAPID secrets, well formed", () => {
    expect(vapidKeys({})).toBeNull();
    expect(vapidKeys({ VAPID_PUBLIC_KEY: "short", VAPID_PRIVATE_KEY: env.VAPID_PRIVATE_KEY })).toBeNull();
    expect(vapidKeys(env)).toMatchObject({ publicKey: env.VAPID_PUBLIC_KEY, subject: env.VAPID_SUBJECT });
  });
});

describe("/api/reminders", () => {
  it("gives the reminder as a daily calendar event in the person's time zone", async () => {
    const user = await registerUser();
    await expectError(await call("GET", "/api/reminders/calendar.ics", { token: user.token }), 404, "no_reminder");
    await call("PUT", "/api/settings", { token: user.token, body: { timezone: "Europe/Paris", reminder_time: "21:30" } });
    const res = await call("GET", "/api/reminders/calendar.ics", { token: user.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    expect(res.headers.get("content-disposition")).toContain("tideline-reminder.ics");
    const text = await res.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(lines).toContain("RRULE:FREQ=DAILY");
    expect(lines.find((l) => l.startsWith("DTSTART"))).toMatch(/^DTSTART;TZID=Europe\/Paris:\d{8}T213000$/);
    expect(lines).toContain(`UID:daily-reminder-${user.id}@tideline`);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it("answers 401 without a session", async () => {
    await expectError(await call("GET", "/api/reminders/calendar.ics"), 401);
    await expectError(await call("POST", "/api/reminders/push", { body: {} }), 401);
  });

  it("subscribes a browser, refuses malformed subscriptions, and only ever removes the person's own", async () => {
    const a = await registerUser();
    const b = await registerUser();
    const browser = await browserKeys();
    const endpoint = uniqueEndpoint();
    const status = await json(await call("GET", "/api/reminders/push", { token: a.token }));
    expect(status).toEqual({ available: true, public_key: env.VAPID_PUBLIC_KEY, subscriptions: 0, reminder_time: null });

    for (const body of [
      { endpoint: "http://push.example.test/insecure", keys: browser.json },
      { endpoint: "not a url", keys: browser.json },
      { endpoint, keys: { p256dh: "short", auth: browser.json.auth } },
      { endpoint, keys: { p256dh: browser.json.p256dh } },
    ]) {
      await expectError(await call("POST", "/api/reminders/push", { token: a.token, body }), 400);
    }
    expect(await subscriptionRow(endpoint)).toBeNull();

    const created = await json(await call("POST", "/api/reminders/push", { token: a.token, body: { endpoint, keys: browser.json } }));
    expect(created.subscriptions).toBe(1);
    // Subscribing the same browser again keeps one row.
    expect((await json(await call("POST", "/api/reminders/push", { token: a.token, body: { endpoint, keys: browser.json } }))).subscriptions).toBe(1);
    // Someone else cannot remove it.
    await expectError(await call("DELETE", "/api/reminders/push", { token: b.token, body: { endpoint } }), 404);
    expect(await subscriptionRow(endpoint)).toMatchObject({ user_id: a.id });
    expect((await call("DELETE", "/api/reminders/push", { token: a.token, body: { endpoint } })).status).toBe(204);
    expect(await subscriptionRow(endpoint)).toBeNull();
    await expectError(await call("DELETE", "/api/reminders/push", { token: a.token, body: { endpoint } }), 404);
  });
});

describe("the reminder round (cron)", () => {
  it("sends each due browser one encrypted, signed message, once a day", async () => {
    const endpoint = uniqueEndpoint();
    const { browser } = await subscribedPerson(endpoint);
    const sent = fakePushService(201);
    await runReminderRound(noonPlus(5));
    const mine = sent.filter((r) => r.url === endpoint);
    expect(mine).toHaveLength(1);
    const request = mine[0]!;
    expect(request.headers.get("content-encoding")).toBe("aes128gcm");
    expect(request.headers.get("ttl")).toBe("86400");

    // The VAPID header: a JWT for the push service's origin, signed by the app's key, and that key.
    const match = /^vapid t=([^,]+), k=(.+)$/.exec(request.headers.get("authorization") ?? "");
    expect(match?.[2]).toBe(env.VAPID_PUBLIC_KEY);
    const point = base64UrlToBytes(env.VAPID_PUBLIC_KEY);
    const key = await importJWK({ kty: "EC", crv: "P-256", x: bytesToBase64Url(point.slice(1, 33)), y: bytesToBase64Url(point.slice(33, 65)) }, "ES256");
    const { payload } = await jwtVerify(match![1]!, key, { audience: "https://push.example.test" });
    expect(payload.sub).toBe(env.VAPID_SUBJECT);
    expect(payload.exp! * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);

    // Only the browser can read it, and it reads the reminder.
    const opened = await decrypt(request.body, browser);
    expect(opened).toMatchObject({ recordSize: 4096, idLength: 65 });
    expect(JSON.parse(opened.text)).toEqual(REMINDER_MESSAGE);
    expect(new TextDecoder().decode(request.body)).not.toContain("Time to write");

    // The next round the same day sends nothing more.
    await runReminderRound(noonPlus(20));
    expect(sent.filter((r) => r.url === endpoint)).toHaveLength(1);
    expect((await subscriptionRow(endpoint))!.last_reminded_on).toBe(localDate(noonPlus(5), TZ));
  });

  it("sends nothing before the time or long after it", async () => {
    const endpoint = uniqueEndpoint();
    await subscribedPerson(endpoint);
    const sent = fakePushService(201);
    await runReminderRound(noonPlus(-10));
    await runReminderRound(noonPlus(45));
    expect(sent.filter((r) => r.url === endpoint)).toHaveLength(0);
  });

  it("forgets a subscription the push service says is gone (410)", async () => {
    const endpoint = uniqueEndpoint();
    await subscribedPerson(endpoint);
    const sent = fakePushService(410);
    await runReminderRound(noonPlus(5));
    expect(sent.filter((r) => r.url === endpoint)).toHaveLength(1);
    expect(await subscriptionRow(endpoint)).toBeNull();
  });

  it("keeps a subscription after a passing failure (500) and tries again next round", async () => {
    const endpoint = uniqueEndpoint();
    await subscribedPerson(endpoint);
    const sent = fakePushService(500);
    await runReminderRound(noonPlus(5));
    expect(await subscriptionRow(endpoint)).toMatchObject({ last_reminded_on: null });
    await runReminderRound(noonPlus(20));
    expect(sent.filter((r) => r.url === endpoint)).toHaveLength(2);
  });

  it("sends nothing to a person without a reminder time", async () => {
    const endpoint = uniqueEndpoint();
    const { user } = await subscribedPerson(endpoint);
    await call("PUT", "/api/settings", { token: user.token, body: { reminder_time: null } });
    const sent = fakePushService(201);
    await runReminderRound(noonPlus(5));
    expect(sent.filter((r) => r.url === endpoint)).toHaveLength(0);
  });
});
