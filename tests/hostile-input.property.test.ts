// Hostile input, generated from the OpenAPI document: every operation it lists gets random and
// malformed bodies, queries and ids, and must answer below 500, with the one error envelope on every
// 4xx, store nothing (D1 and the person's graph) when it refuses, and store accepted text as sent.
// A route added later is covered without editing this file. Change SEED to explore other inputs.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, registerUser, type TestUser } from "./helpers/api.ts";
import { describeRequest, hostileRequestArb, type HostileRequest } from "./helpers/hostile.ts";
import { fetchOpenApi, operationsOf, type Operation } from "./helpers/openapi.ts";
import { createResources, idsFor, isAdminRoute, PATH_ID_KINDS, type OwnedIds } from "./helpers/resources.ts";
import { snapshotStore, type StoreSnapshot } from "./helpers/store-snapshot.ts";

/**
 * Tables a read writes by design: the daily prompt records which prompt it showed on which day, so
 * that none repeats within 30 days, and a search by meaning embeds the few entries the background
 * job has not reached yet (a cache of what the entries already say; issue 11). Nothing else a GET
 * answers may change.
 */
const READ_LOGS = ["prompts_shown", "entry_embeddings"];
const withoutReadLogs = (snapshot: StoreSnapshot): StoreSnapshot => ({
  ...snapshot,
  d1: Object.fromEntries(Object.entries(snapshot.d1).filter(([table]) => !READ_LOGS.includes(table))),
});

/** Fixed, so a failure reproduces; fast-check prints the seed and path of any counterexample. */
const SEED = 0x71de11e;
/** Runs per operation that takes a body, ids or a query; one that takes none only has the query to ignore. */
const RUNS_PER_OPERATION = 20;
const RUNS_WITHOUT_INPUT = 6;

const doc = await fetchOpenApi();
const operations = operationsOf(doc);

let person: TestUser;
let admin: TestUser;
let owned: OwnedIds;
const queued = { count: 0 };

beforeAll(async () => {
  // Jobs are counted, not delivered: a consumer writing insights in the background would change
  // what is stored between two snapshots.
  vi.spyOn(env.INSIGHT_JOBS, "send").mockImplementation(async () => {
    queued.count++;
    return undefined as never;
  });
  vi.spyOn(env.INSIGHT_JOBS, "sendBatch").mockImplementation(async () => {
    queued.count++;
    return undefined as never;
  });
  person = await registerUser({ password: `pw-${crypto.randomUUID()}` });
  admin = await registerUser({ password: `pw-${crypto.randomUUID()}` });
  await env.DB.prepare("UPDATE users SET role = 'admin' WHERE id = ?").bind(admin.id).run();
  owned = await createResources(person);
  // The stub is in the path the Worker takes: writing an entry queued its insight job.
  expect(queued.count).toBeGreaterThan(0);
});

afterAll(() => {
  vi.restoreAllMocks();
});

/**
 * The person's access token, signing in again when an earlier operation ended the session (signing
 * out, a password change, "sign out everywhere else"): an ended session's token is refused at once.
 */
async function liveToken(): Promise<string> {
  if ((await call("GET", "/api/auth/me", { token: person.token })).status === 200) return person.token;
  const res = await call("POST", "/api/auth/login", { body: { email: person.email, password: person.password } });
  expect(res.status).toBe(200);
  person.token = ((await res.json()) as { access_token: string }).access_token;
  return person.token;
}

const seedOf = (op: Operation) => {
  let h = SEED;
  for (const ch of op.key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
};

async function send(req: HostileRequest, token: string): Promise<Response> {
  const body = req.body.kind === "none" ? undefined : req.body.kind === "text" ? req.body.text : req.body.bytes;
  const headers: Record<string, string> = {};
  if (req.body.kind !== "none" && req.body.contentType !== null) headers["content-type"] = req.body.contentType;
  return call(req.method, req.url, { token, rawBody: body, headers });
}

/** The one error envelope, and nothing more: no stack, no internal message. */
async function expectEnvelope(res: Response, what: string) {
  expect(res.headers.get("content-type"), what).toMatch(/^application\/json/);
  const text = await res.text();
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(body), what).toEqual(["error"]);
  const error = body.error as Record<string, unknown>;
  expect(typeof error.code, what).toBe("string");
  expect(error.code, what).toMatch(/^[a-z_]+$/);
  expect(typeof error.message, what).toBe("string");
  expect((error.message as string).length, what).toBeGreaterThan(0);
  expect(Object.keys(error).every((k) => ["code", "message", "details"].includes(k)), what).toBe(true);
  expect(text, what).not.toMatch(/at .*\.(ts|js):\d+|node_modules|Error:/);
}

const replacementCharacters = (snapshot: unknown) => JSON.stringify(snapshot).split("\uFFFD").length - 1;
/** Invalid UTF-8 bytes may fairly be read as U+FFFD; a body without them and without U+FFFD may not. */
const sentNoReplacementCharacter = (req: HostileRequest) => req.body.kind === "none" || (req.body.kind === "text" && !/\uFFFD|\\ufffd/i.test(req.body.text));

const pollution = () => Object.getOwnPropertyNames(Object.prototype).length;

/**
 * Inputs that reach bugs someone else is fixing right now: each is left out by name, the rest of
 * its route is still generated. Remove a line when its bug is fixed.
 */
function knownBug(op: Operation, req: HostileRequest): string | null {
  const text = req.body.kind === "text" ? req.body.text : req.body.kind === "bytes" ? new TextDecoder().decode(req.body.bytes) : "";
  // `tried` / `tried_action` with "İ": the 80-character limit is checked before lower-casing, which
  // lengthens "İ", and the graph refuses the longer string (a 500).
  if ((op.key === "POST /api/journal/entries/{id}/tried" || op.key === "POST /api/journal/entries") && /İ|\\u0130/i.test(text)) return "tried-action-dotted-capital-i";
  // Import with created_at before 1970 (or year 0999/0000) answers 500 after storing the entries.
  if (op.key === "POST /api/entries/import" && /"[+-]?(0\d{3}|1[0-8]\d\d|19[0-6]\d)-\d\d-\d\dT/.test(text)) return "import-pre-1970-created-at";
  // Mood over time with a year-0000 `from` answers 500 once such entries exist.
  if (op.key === "GET /api/insights/mood" && /(^|[?&])(from|to)=0\d{3}-/.test(decodeURIComponentSafe(req.url))) return "insights-mood-year-0000";
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

describe("every operation in the OpenAPI document, under hostile input", () => {
  it("the document lists the operations this file expects to reach", () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const op of operations.filter((o) => o.pathParams.length > 0)) {
      expect(PATH_ID_KINDS[op.path], `${op.key}: add its ids to tests/helpers/resources.ts`).toBeDefined();
    }
  });

  for (const op of operations) {
    it(`${op.key}: 4xx in the envelope, never 5xx, nothing stored when refused`, async () => {
      const token = isAdminRoute(op) ? admin.token : await liveToken();
      const realIds = op.pathParams.length ? idsFor(op, { owner: owned }) : null;
      const tally = { refused: 0, accepted: 0 };
      const prototypeKeys = pollution();
      const takesInput = op.body !== null || op.pathParams.length > 0 || op.queryParams.length > 0;
      await fc.assert(
        fc.asyncProperty(hostileRequestArb(doc, op, realIds, { useRealIds: op.method !== "delete" }), async (req) => {
          const bug = knownBug(op, req);
          fc.pre(bug === null);
          const what = describeRequest(req);
          const before = await snapshotStore([person.id]);
          const queuedBefore = queued.count;
          const res = await send(req, token);
          expect(res.status, what).toBeLessThan(500);
          if (res.status >= 400) {
            tally.refused++;
            await expectEnvelope(res, what);
            expect(await snapshotStore([person.id]), `stored data changed: ${what}`).toEqual(before);
            expect(queued.count, `a job was queued: ${what}`).toBe(queuedBefore);
          } else {
            tally.accepted++;
            await res.arrayBuffer();
            const after = await snapshotStore([person.id]);
            if (op.method === "get") expect(withoutReadLogs(after), `a read changed stored data: ${what}`).toEqual(withoutReadLogs(before));
            // What is accepted is stored as sent: text that was not valid Unicode must not come back
            // as replacement characters the person never wrote.
            if (sentNoReplacementCharacter(req)) expect(replacementCharacters(after), `stored text was mangled: ${what}`).toBeLessThanOrEqual(replacementCharacters(before));
          }
          expect(pollution(), `Object.prototype gained a property: ${what}`).toBe(prototypeKeys);
          expect(({} as Record<string, unknown>).polluted, what).toBeUndefined();
        }),
        { numRuns: takesInput ? RUNS_PER_OPERATION : RUNS_WITHOUT_INPUT, seed: seedOf(op) },
      );
      // Where there is input to refuse, a generator that never got refused would prove little.
      if (takesInput) expect(tally.refused, `${op.key} refused nothing`).toBeGreaterThan(0);
    });
  }
});

describe("text that is not valid Unicode", () => {
  // A JSON "\ud800" escape is a lone surrogate: stored in D1 it came back as three U+FFFD, so the
  // entry read back differed from the one accepted, and a tag or name could outgrow its limit.
  const LONE = "\uD800";

  it("is refused in the envelope wherever a body carries text, and nothing is stored", async () => {
    const token = await liveToken();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/entries", { content: `a${LONE}b` }, "content"],
      ["POST", "/api/entries", { content: "fine", tags: [`t${LONE}`] }, "tags.0"],
      ["POST", "/api/journal/entries", { content: "Walked by the sea.", tried_action: `walk${LONE}` }, "tried_action"],
      ["PATCH", `/api/entries/${owned.entry}`, { title: LONE }, "title"],
      ["POST", "/api/settings/categories", { name: `home${LONE}` }, "name"],
      ["POST", "/api/goals", { title: "Run", tasks: [`\uDFFFstep`] }, "tasks.0"],
      ["POST", `/api/journal/entries/${owned.entry}/tried`, { action: `a${LONE}` }, "action"],
      ["POST", "/api/entries/import", { format: "tideline-export", version: 1, categories: [{ name: `x${LONE}` }], entries: [] }, "categories.0.name"],
    ];
    for (const [method, path, body, field] of cases) {
      const before = await snapshotStore([person.id]);
      const res = await call(method, path, { token, body });
      expect(res.status, `${method} ${path}`).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; details: { path: string }[] } };
      expect(error.code).toBe("validation_failed");
      expect(error.details.map((d) => d.path)).toContain(field);
      expect(await snapshotStore([person.id]), `${method} ${path} stored something`).toEqual(before);
    }
  });

  it("surrogate pairs, NUL and other odd but valid text are stored exactly as sent", async () => {
    const token = await liveToken();
    const content = "😀 a\u0000b \u202Eright-to-left\u202C e\u0301 \uFEFF İ";
    const res = await call("POST", "/api/entries", { token, body: { content, title: "𝒳\u0000", tags: ["🏳️‍🌈"] } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string };
    const read = await call("GET", `/api/entries/${created.id}`, { token });
    expect(await read.json()).toMatchObject({ content, title: "𝒳\u0000", tags: ["🏳️‍🌈"] });
    await call("DELETE", `/api/entries/${created.id}`, { token });
  });
});

describe("hostile credentials", () => {
  const HEADERS = [
    "Bearer",
    "Bearer ",
    "Basic dXNlcjpwYXNz",
    "bearer x.y.z",
    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
    "Bearer eyJhbGciOiJIUzI1NiJ9.e30.AAAA",
    `Bearer ${"a".repeat(10_000)}`,
    "Bearer a.b.c.d.e",
  ];

  it("every secured operation answers 401 in the envelope to a broken Authorization header", async () => {
    const secured = operations.filter((o) => o.secured);
    expect(secured.length).toBeGreaterThan(0);
    for (const op of secured) {
      for (const header of HEADERS) {
        const path = op.path.replace(/\{\w+\}/g, crypto.randomUUID());
        const res = await call(op.method.toUpperCase(), path, { headers: { authorization: header }, ...(op.body ? { body: {} } : {}) });
        expect(res.status, `${op.key} with ${header.slice(0, 40)}`).toBe(401);
        await expectEnvelope(res, op.key);
      }
    }
  });
});

