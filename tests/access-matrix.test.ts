// The access matrix, generated from the OpenAPI document: every route that takes an id answers 404
// to anyone but the owner (and changes nothing), ids in bodies and filters are held to the same rule,
// admin routes answer 403 to everyone else, and secured routes 401 to no one. A route added later
// is in the matrix at once, and fails it until tests/helpers/resources.ts says how to make its ids.
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, expectError, registerUser, type TestUser } from "./helpers/api.ts";
import { fetchOpenApi, fillPath, operationsOf, type Operation } from "./helpers/openapi.ts";
import {
  BODY_ID_KINDS,
  BODY_ID_REQUESTS,
  createResources,
  idsFor,
  isAdminRoute,
  PATH_ID_KINDS,
  QUERY_ID_KINDS,
  uuidFieldsOf,
  VALID_BODIES,
} from "./helpers/resources.ts";
import { snapshotStore } from "./helpers/store-snapshot.ts";

const doc = await fetchOpenApi();
const operations = operationsOf(doc);
const pathIdOperations = operations.filter((op) => op.pathParams.length > 0);
/** Admin routes name any account on purpose (403 to everyone else: the admin block below). */
const idOperations = pathIdOperations.filter((op) => !isAdminRoute(op));
const adminOperations = operations.filter(isAdminRoute);
const bodyIdOperations = operations.filter((op) => !isAdminRoute(op) && op.body && [...uuidFieldsOf(op.body)].length > 0);
const queryIdOperations = operations.filter((op) => op.queryParams.some((p) => uuidFieldsOf({ properties: { [p.name]: p.schema } }).size > 0));

let owner: TestUser;
let other: TestUser;
let admin: TestUser;

beforeAll(async () => {
  // Insight jobs are not delivered: a consumer writing in the background would change what is
  // stored between the two snapshots around a refused request.
  vi.spyOn(env.INSIGHT_JOBS, "send").mockResolvedValue(undefined as never);
  vi.spyOn(env.INSIGHT_JOBS, "sendBatch").mockResolvedValue(undefined as never);
  [owner, other, admin] = await Promise.all([registerUser(), registerUser(), registerUser()]);
  await env.DB.prepare("UPDATE users SET role = 'admin' WHERE id = ?").bind(admin.id).run();
});

afterAll(() => {
  vi.restoreAllMocks();
});

const send = (op: Operation, path: string, token: string | undefined, body: unknown) =>
  call(op.method.toUpperCase(), path, { token, ...(body !== undefined ? { body } : op.body ? { body: {} } : {}) });

/** Every way of mixing two people's ids in a path, with at least one of the first person's. */
function mixes(op: Operation): Record<string, "owner" | "other">[] {
  const names = op.pathParams.map((p) => p.name);
  const out: Record<string, "owner" | "other">[] = [];
  for (let mask = 1; mask < 1 << names.length; mask++) {
    out.push(Object.fromEntries(names.map((name, i) => [name, mask & (1 << i) ? "owner" : "other"])));
  }
  return out;
}

describe("the resource table covers the OpenAPI document", () => {
  it("has an entry for every id in a path, every body beside one, and nothing stale", () => {
    expect(idOperations.length).toBeGreaterThan(0);
    for (const op of pathIdOperations) {
      const kinds = PATH_ID_KINDS[op.path];
      expect(kinds, `${op.key}: say in tests/helpers/resources.ts which resource {${op.pathParams.map((p) => p.name).join("}, {")}} names`).toBeDefined();
      for (const p of op.pathParams) expect(kinds?.[p.name], `${op.key}: {${p.name}} has no resource kind`).toBeDefined();
      if (op.body) expect(VALID_BODIES[op.key], `${op.key}: add a valid body to VALID_BODIES`).toBeDefined();
    }
    const paths = new Set(pathIdOperations.map((op) => op.path));
    for (const path of Object.keys(PATH_ID_KINDS)) expect(paths.has(path), `PATH_ID_KINDS names ${path}, which the API no longer has`).toBe(true);
    const keys = new Set(operations.map((op) => op.key));
    for (const key of [...Object.keys(VALID_BODIES), ...Object.keys(BODY_ID_REQUESTS)]) expect(keys.has(key), `${key} is not in the API any more`).toBe(true);
  });

  it("knows every id a body or a filter can carry", () => {
    expect(bodyIdOperations.length).toBeGreaterThan(0);
    for (const op of bodyIdOperations) {
      for (const field of uuidFieldsOf(op.body)) expect(BODY_ID_KINDS[field], `${op.key}: body field ${field} is an id; add it to BODY_ID_KINDS`).toBeDefined();
      expect(BODY_ID_REQUESTS[op.key], `${op.key} takes an id in its body; add a request to BODY_ID_REQUESTS`).toBeDefined();
    }
    for (const op of queryIdOperations) {
      for (const p of op.queryParams.filter((q) => uuidFieldsOf({ properties: { [q.name]: q.schema } }).size > 0)) {
        expect(QUERY_ID_KINDS[p.name], `${op.key}: query ${p.name} is an id; add it to QUERY_ID_KINDS`).toBeDefined();
      }
    }
  });
});

describe("another person's id answers 404 and changes nothing", () => {
  for (const op of idOperations) {
    it(`${op.key}`, async () => {
      const [mine, theirs] = await Promise.all([createResources(owner), createResources(other)]);
      const body = VALID_BODIES[op.key];
      for (const mix of mixes(op)) {
        const path = fillPath(op.path, idsFor(op, Object.fromEntries(Object.entries(mix).map(([name, who]) => [name, who === "owner" ? mine : theirs]))));
        const before = await snapshotStore([owner.id, other.id]);
        const error = await expectError(await send(op, path, other.token, body), 404);
        expect(error.code, `${op.key} as ${JSON.stringify(mix)}`).toMatch(/not_found$/);
        expect(await snapshotStore([owner.id, other.id]), `${op.key} changed stored data for ${path}`).toEqual(before);
      }
      // The same request from the owner goes through: the 404 above was about whose id it was.
      const res = await send(op, fillPath(op.path, idsFor(op, { owner: mine })), owner.token, body);
      expect(res.status, `${op.key} as its owner`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${op.key} as its owner`).toBeLessThan(300);
    });
  }
});

describe("another person's id in a body answers 404; in a filter it finds nothing", () => {
  for (const op of bodyIdOperations) {
    it(`${op.key} with another person's ${[...uuidFieldsOf(op.body)].join(", ")}`, async () => {
      const [mine, theirs] = await Promise.all([createResources(owner), createResources(other)]);
      const request = BODY_ID_REQUESTS[op.key]!;
      const path = op.pathParams.length ? fillPath(op.path, idsFor(op, { other: theirs })) : op.path;
      const before = await snapshotStore([owner.id, other.id]);
      const error = await expectError(await send(op, path, other.token, request(mine)), 404);
      expect(error.code).toMatch(/not_found$/);
      expect(await snapshotStore([owner.id, other.id]), `${op.key} changed stored data`).toEqual(before);
      // With their own ids, the same request is fine.
      const res = await send(op, path, other.token, request(theirs));
      expect(res.status, `${op.key} with the person's own ids`).toBeLessThan(300);
    });
  }

  for (const op of queryIdOperations) {
    it(`${op.key} filtered by another person's ids shows none of their data`, async () => {
      const mine = await createResources(owner);
      const query = op.queryParams
        .filter((p) => QUERY_ID_KINDS[p.name])
        .map((p) => `${p.name}=${mine[QUERY_ID_KINDS[p.name]!]}`)
        .join("&");
      // Search needs words; the owner's entry has these.
      const words = op.queryParams.some((p) => p.name === "q" && p.required) ? "&q=run" : "";
      const res = await call("GET", `${op.path}?${query}${words}`, { token: other.token });
      const text = await res.text();
      expect([200, 404], `${op.key}: ${text.slice(0, 200)}`).toContain(res.status);
      expect(text).not.toContain(mine.entry);
      expect(text).not.toContain(mine.category);
      // The owner, filtering the same way, does find the entry: the filter works.
      const own = await call("GET", `${op.path}?${query}${words}`, { token: owner.token });
      expect(own.status).toBe(200);
      expect(await own.text()).toContain(mine.entry);
    });
  }
});

describe("admin routes answer 403 to everyone else", () => {
  it("the document has admin routes", () => {
    expect(adminOperations.length).toBeGreaterThan(0);
  });

  for (const op of adminOperations) {
    it(`${op.key}`, async () => {
      const path = op.path.replace(/\{\w+\}/g, crypto.randomUUID());
      const before = await snapshotStore([]);
      await expectError(await send(op, path, other.token, undefined), 403, "forbidden");
      expect(await snapshotStore([]), `${op.key} changed stored data`).toEqual(before);
      const res = await send(op, path, admin.token, undefined);
      expect(res.status, `${op.key} as an admin`).not.toBe(403);
      expect(res.status, `${op.key} as an admin`).toBeLessThan(500);
    });
  }
});

describe("secured routes answer 401 without a token", () => {
  for (const op of operations.filter((o) => o.secured)) {
    it(`${op.key}`, async () => {
      const path = op.path.replace(/\{\w+\}/g, crypto.randomUUID());
      await expectError(await send(op, path, undefined, undefined), 401);
    });
  }
});
