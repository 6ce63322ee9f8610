// Which resource each id in the API names, how to make one for a person, and a valid body for every
// operation that takes an id. The access matrix and the hostile-input tests read the OpenAPI document
// and look every id up here: a new id-taking route fails them until it is added.
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { getDb } from "../../worker/db/client.ts";
import { keepActionItems } from "../../worker/services/actions.ts";
import { call, json, registerUser, type TestUser } from "./api.ts";
import type { Operation } from "./openapi.ts";
import { SoftwareAuthenticator } from "./software-authenticator.ts";

export type ResourceKind = "entry" | "category" | "goal" | "task" | "session" | "passkey" | "action" | "user";

/** What a person owns after `createResources`: one of each kind. */
export type OwnedIds = Record<ResourceKind, string>;

/** Path parameter → resource kind, per path template. */
export const PATH_ID_KINDS: Record<string, Record<string, ResourceKind>> = {
  "/api/entries/{id}": { id: "entry" },
  "/api/entries/{id}/noticed": { id: "entry" },
  "/api/entries/{id}/insight": { id: "entry" },
  "/api/entries/{id}/insights": { id: "entry" },
  "/api/actions/{id}": { id: "action" },
  // Administrators name any account; the access matrix leaves admin routes to its admin block.
  "/api/admin/users/{id}/disable": { id: "user" },
  "/api/admin/users/{id}/enable": { id: "user" },
  "/api/journal/entries/{id}/tried": { id: "entry" },
  "/api/settings/categories/{id}": { id: "category" },
  "/api/goals/{id}": { id: "goal" },
  "/api/goals/{id}/tasks": { id: "goal" },
  "/api/goals/{id}/tasks/{taskId}": { id: "goal", taskId: "task" },
  "/api/goals/{id}/progress": { id: "goal" },
  "/api/auth/sessions/{id}": { id: "session" },
  "/api/auth/passkeys/{id}": { id: "passkey" },
};

/**
 * Ids carried in JSON bodies, by field name: another person's id there must answer 404 like one in
 * the path. Admin routes name other people's entries on purpose and are left out.
 */
export const BODY_ID_KINDS: Record<string, ResourceKind> = {
  category_id: "category",
  entry_id: "entry",
};
export const ADMIN_PREFIX = "/api/admin/";

/** Ids in query strings (filters), by parameter name. */
export const QUERY_ID_KINDS: Record<string, ResourceKind> = {
  category_id: "category",
};

/** Valid bodies for the operations that take an id and a body: what the owner could send. */
export const VALID_BODIES: Record<string, unknown> = {
  "PUT /api/entries/{id}": { content: "Someone else rewrote this entry." },
  "PATCH /api/entries/{id}": { title: "not yours" },
  "PATCH /api/entries/{id}/noticed": { remove_activities: ["run"] },
  "POST /api/journal/entries/{id}/tried": { action: "take a slow walk outside" },
  "PATCH /api/settings/categories/{id}": { name: "taken over" },
  "PATCH /api/goals/{id}": { title: "not yours" },
  "POST /api/goals/{id}/tasks": { title: "a step of mine" },
  "PATCH /api/goals/{id}/tasks/{taskId}": { done: true },
  "POST /api/goals/{id}/progress": { progress: 50, note: "halfway" },
  "PATCH /api/auth/passkeys/{id}": { name: "not yours" },
  "PATCH /api/actions/{id}": { status: "done" },
};

/** Valid bodies that carry an id of another resource (BODY_ID_KINDS), keyed like VALID_BODIES. */
export const BODY_ID_REQUESTS: Record<string, (ids: OwnedIds) => unknown> = {
  "POST /api/entries": (ids) => ({ content: "Filed under someone else's category.", category_id: ids.category }),
  "PUT /api/entries/{id}": (ids) => ({ content: "Moved into someone else's category.", category_id: ids.category }),
  "PATCH /api/entries/{id}": (ids) => ({ category_id: ids.category }),
  "POST /api/goals": (ids) => ({ title: "Taking someone else's offer", entry_id: ids.entry }),
};

export const isAdminRoute = (op: Operation) => op.path.startsWith(ADMIN_PREFIX);

/**
 * One of each resource for the person: an entry written through the journal (so it has a reply and
 * a graph state) and filed in a new category, a goal with two steps, and a signed-in session of its
 * own (a fresh sign-in, so that ending it leaves the person's token alone), a passkey, an intention
 * (action item) from the entry, and, for the admin routes, another account to disable.
 */
export async function createResources(person: Pick<TestUser, "id" | "token" | "email" | "password">): Promise<OwnedIds> {
  const { token } = person;
  const entryRes = await call("POST", "/api/journal/entries", {
    token,
    body: { content: "Went for a run with my sister this morning and felt lighter afterwards." },
  });
  expect(entryRes.status).toBe(201);
  const entry = (await json(entryRes)).entry_id as string;

  const categoryRes = await call("POST", "/api/settings/categories", { token, body: { name: `cat-${crypto.randomUUID().slice(0, 8)}`, color: "#3b82f6" } });
  expect(categoryRes.status).toBe(201);
  const category = (await json(categoryRes)).id as string;
  // Filed in the category, so that filtering by it finds the entry.
  const fileRes = await call("PATCH", `/api/entries/${entry}`, { token, body: { category_id: category } });
  expect(fileRes.status).toBe(200);

  const goalRes = await call("POST", "/api/goals", { token, body: { title: "Run three times a week", tasks: ["buy shoes", "first run"] } });
  expect(goalRes.status).toBe(201);
  const goal = await json(goalRes);

  const signIn = await call("POST", "/api/auth/login", { body: { email: person.email, password: person.password } });
  expect(signIn.status).toBe(200);
  const sessionsRes = await call("GET", "/api/auth/sessions", { token: (await json(signIn)).access_token });
  expect(sessionsRes.status).toBe(200);
  const session = ((await json(sessionsRes)).sessions as { id: string; current: boolean }[]).find((s) => s.current)!.id;
  const passkey = await ownPasskey(token);
  const action = await ownAction(person.id, entry, token);
  return { entry, category, goal: goal.id as string, task: goal.tasks[0].id as string, session, passkey, action, user: (await bystander).id };
}

/**
 * An intention from the entry, kept as its insight would keep it (the tests deliver no insight jobs,
 * so that nothing is written in the background between two snapshots).
 */
async function ownAction(userId: string, entryId: string, token: string): Promise<string> {
  const entryRes = await call("GET", `/api/entries/${entryId}`, { token });
  expect(entryRes.status).toBe(200);
  const { revision } = (await json(entryRes)) as { revision: number };
  await keepActionItems(getDb(env), { userId, entryId, revision }, ["Call my sister tomorrow about the weekend"]);
  const res = await call("GET", "/api/actions?status=open", { token });
  expect(res.status).toBe(200);
  const item = ((await json(res)).items as { id: string; entry_id: string }[]).find((a) => a.entry_id === entryId);
  expect(item, "the entry's intention is listed").toBeDefined();
  return item!.id;
}

/** An account the admin routes may disable and enable without touching anyone a test signs in as. */
const bystander = registerUser({ name: "Bystander" });

/** The person's passkey: the one they have (an account holds at most 20), else a new one from a software authenticator. */
async function ownPasskey(token: string): Promise<string> {
  const listRes = await call("GET", "/api/auth/passkeys", { token });
  expect(listRes.status).toBe(200);
  const [existing] = (await json(listRes)).passkeys as { id: string }[];
  if (existing) return existing.id;
  const authenticator = await SoftwareAuthenticator.create();
  const optionsRes = await call("POST", "/api/auth/passkeys/register/options", { token });
  expect(optionsRes.status).toBe(200);
  const passkeyRes = await call("POST", "/api/auth/passkeys/register", { token, body: { response: await authenticator.register(await json(optionsRes)) } });
  expect(passkeyRes.status).toBe(201);
  return (await json(passkeyRes)).id as string;
}

/** The path parameters of an operation filled from one or two people's ids: `from[name]` picks whose. */
export function idsFor(op: Operation, owners: Record<string, OwnedIds>): Record<string, string> {
  const kinds = PATH_ID_KINDS[op.path];
  if (!kinds) throw new Error(`no resource table entry for ${op.path}`);
  const [only] = Object.values(owners);
  return Object.fromEntries(
    op.pathParams.map((p) => {
      const kind = kinds[p.name];
      if (!kind) throw new Error(`no kind for {${p.name}} in ${op.path}`);
      return [p.name, (owners[p.name] ?? only)![kind]];
    }),
  );
}

/** Every property name in a body schema that the document says is a uuid, however deep. */
export function uuidFieldsOf(schema: unknown, out = new Set<string>(), name?: string): Set<string> {
  if (!schema || typeof schema !== "object") return out;
  const s = schema as Record<string, unknown>;
  if (name && (s.format === "uuid" || (s.items as Record<string, unknown> | undefined)?.format === "uuid")) out.add(name);
  for (const alt of [...((s.anyOf as unknown[]) ?? []), ...((s.oneOf as unknown[]) ?? [])]) uuidFieldsOf(alt, out, name);
  for (const [key, child] of Object.entries((s.properties as Record<string, unknown>) ?? {})) uuidFieldsOf(child, out, key);
  if (s.items) uuidFieldsOf(s.items, out, name);
  return out;
}
