// Activities and people read from an entry's words through the API: on create, edit and import;
// removable (a removal survives the next edit and reaches the graph as a new revision); fed to the
// graph as actions, so "what helped" works from a history with no tags; exported and imported back.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { graphFor } from "../worker/services/graph.ts";
import { call, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function write(user: TestUser, content: string, extra: Record<string, unknown> = {}) {
  const res = await call("POST", "/api/entries", { token: user.token, body: { content, ...extra } });
  expect(res.status).toBe(201);
  return json(res);
}

const stateOf = async (user: TestUser, entryId: string) => (await graphFor(env, user.id).history(50)).find((s) => s.entryId === entryId);

describe("activities and people on an entry", () => {
  it("are read on create and answered with the entry", async () => {
    const user = await registerUser();
    const entry = await write(user, "Went for a long run by the river, then called my sister. I want to swim tomorrow.");
    expect(entry.activities).toEqual(["run", "call my sister"]);
    expect(entry.people).toEqual(["my sister"]);
    expect(entry.removed).toEqual({ activities: [], people: [] });
    expect((await json(await call("GET", `/api/entries/${entry.id}`, { token: user.token }))).activities).toEqual(["run", "call my sister"]);
  });

  it("come back with the journal's reply and in the conversation", async () => {
    const user = await registerUser();
    const res = await call("POST", "/api/journal/entries", { token: user.token, body: { content: "Meditated for ten minutes and had lunch with Sam." } });
    expect(res.status).toBe(201);
    const reply = await json(res);
    expect(reply.activities).toEqual(["meditate", "have lunch"]);
    expect(reply.people).toEqual(["sam"]);
    const conversation = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
    expect(conversation.items[0]).toMatchObject({ entry_id: reply.entry_id, activities: ["meditate", "have lunch"], people: ["sam"] });
  });

  it("are read again when the text is edited (PUT and PATCH), and the graph gets the new actions", async () => {
    const user = await registerUser();
    const entry = await write(user, "Walked by the harbour at sunset.", { tags: ["evening"] });
    expect((await stateOf(user, entry.id))?.activities).toEqual(["evening", "walk"]);

    const patched = await json(await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { content: "Slept nine hours, then baked bread." } }));
    expect(patched.activities).toEqual(["sleep", "bake"]);
    expect(await stateOf(user, entry.id)).toMatchObject({ revision: patched.revision, activities: ["evening", "sleep", "bake"] });

    const put = await json(await call("PUT", `/api/entries/${entry.id}`, { token: user.token, body: { content: "Played guitar with Jamie." } }));
    expect(put.activities).toEqual(["play guitar"]);
    expect(put.people).toEqual(["jamie"]);
    expect((await stateOf(user, entry.id))?.activities).toEqual(["play guitar"]);

    // A title-only change reads title and text together.
    const titled = await json(await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { title: "Yoga in the morning" } }));
    expect(titled.activities).toEqual(["yoga", "play guitar"]);
  });

  it("a removed activity or person stays removed after an edit, and the graph sees the correction at once", async () => {
    const user = await registerUser();
    const entry = await write(user, "Went for a run and called my sister.");
    const res = await call("PATCH", `/api/entries/${entry.id}/noticed`, { token: user.token, body: { remove_activities: ["run"], remove_people: ["my sister"] } });
    expect(res.status).toBe(200);
    const corrected = await json(res);
    expect(corrected).toMatchObject({ activities: ["call my sister"], people: [], removed: { activities: ["run"], people: ["my sister"] } });
    expect(corrected.revision).toBe(entry.revision + 1);
    expect(await stateOf(user, entry.id)).toMatchObject({ revision: corrected.revision, activities: ["call my sister"] });

    const edited = await json(await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { content: "Went for a long run, called my sister, then swam." } }));
    expect(edited.activities).toEqual(["call my sister", "swim"]);
    expect(edited.people).toEqual([]);
    expect((await stateOf(user, entry.id))?.activities).toEqual(["call my sister", "swim"]);

    // Put back, it returns where the text still says it.
    const restored = await json(await call("PATCH", `/api/entries/${entry.id}/noticed`, { token: user.token, body: { restore_activities: ["run"] } }));
    expect(restored.activities).toEqual(["call my sister", "swim", "run"]);
    expect(restored.removed.activities).toEqual([]);
  });

  it("a correction keeps a finished insight (the text did not change) at the new revision", async () => {
    const user = await registerUser();
    const entry = await write(user, "Cooked a big pot of chilli.");
    const res = await call("PATCH", `/api/entries/${entry.id}/noticed`, { token: user.token, body: { remove_activities: ["cook"] } });
    const corrected = await json(res);
    expect(corrected.activities).toEqual([]);
    expect(corrected.insight_status).toBe("pending");
    const insight = await env.DB.prepare("SELECT revision, status FROM insights WHERE entry_id = ?").bind(entry.id).first<{ revision: number; status: string }>();
    expect(insight).toMatchObject({ revision: corrected.revision });
  });

  it("rejects a bad correction in the error envelope", async () => {
    const user = await registerUser();
    const entry = await write(user, "Went for a run.");
    const path = `/api/entries/${entry.id}/noticed`;
    await expectError(await call("PATCH", path, { token: user.token, body: {} }), 400, "validation_failed");
    await expectError(await call("PATCH", path, { token: user.token, body: { remove_activities: "run" } }), 400, "validation_failed");
    await expectError(await call("PATCH", path, { token: user.token, body: { remove_activities: [""] } }), 400, "validation_failed");
    await expectError(await call("PATCH", path, { token: user.token, body: { remove_activities: ["run"], colour: "red" } }), 400, "validation_failed");
    await expectError(await call("PATCH", path, { token: user.token, rawBody: "{not json", headers: { "content-type": "application/json" } }), 400);
    await expectError(await call("PATCH", path, { body: { remove_activities: ["run"] } }), 401);
    // Nothing changed.
    expect((await json(await call("GET", `/api/entries/${entry.id}`, { token: user.token }))).activities).toEqual(["run"]);
  });

  it("answers 404 for another person's entry, and for none", async () => {
    const owner = await registerUser();
    const intruder = await registerUser();
    const entry = await write(owner, "Called my sister.");
    await expectError(await call("PATCH", `/api/entries/${entry.id}/noticed`, { token: intruder.token, body: { remove_activities: ["call my sister"] } }), 404, "not_found");
    await expectError(await call("PATCH", `/api/entries/${crypto.randomUUID()}/noticed`, { token: owner.token, body: { remove_activities: ["run"] } }), 404, "not_found");
    expect((await json(await call("GET", `/api/entries/${entry.id}`, { token: owner.token }))).activities).toEqual(["call my sister"]);
  });
});

describe("the graph learns from the words", () => {
  it("a text-only history: after an anxious entry, 'went for a run, felt better' makes run what helped for fear", async () => {
    const user = await registerUser();
    for (let i = 0; i < 2; i++) {
      const low = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: "I feel so anxious and scared about tomorrow, my chest is tight." } }));
      expect(low.emotion.primary_emotion).toBe("fear");
      await sleep(3);
      const better = await json(
        await call("POST", "/api/journal/entries", { token: user.token, body: { content: "Went for a run by the river and felt so much better, really happy and calm." } }),
      );
      expect(better.emotion.is_positive).toBe(true);
      expect(better.activities).toEqual(["run"]);
      await sleep(3);
    }
    const { suggestions } = await json(await call("GET", "/api/graph/suggestions?emotion=fear", { token: user.token }));
    expect(suggestions[0]).toMatchObject({ action: "run", source: "history", evidence: { tried: 2, worked: 2 } });

    // Removing it from one entry takes it out of that entry's evidence.
    const { items } = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
    const newest = items.find((i: { activities: string[] }) => i.activities.includes("run"));
    await call("PATCH", `/api/entries/${newest.entry_id}/noticed`, { token: user.token, body: { remove_activities: ["run"] } });
    const after = await json(await call("GET", "/api/graph/suggestions?emotion=fear", { token: user.token }));
    expect(after.suggestions.find((s: { action: string }) => s.action === "run")).toMatchObject({ evidence: { tried: 1 } });
  });
});

describe("export and import", () => {
  it("carry activities, people and what was removed; removed ones stay removed", async () => {
    const user = await registerUser();
    const entry = await write(user, "Went for a run and called my sister.", { created_at: undefined });
    await call("PATCH", `/api/entries/${entry.id}/noticed`, { token: user.token, body: { remove_activities: ["run"] } });
    const file = await json(await call("GET", "/api/entries/export?format=json", { token: user.token }));
    expect(file.entries[0]).toMatchObject({ activities: ["call my sister"], people: ["my sister"], removed_activities: ["run"], removed_people: [] });

    const target = await registerUser();
    expect(await json(await call("POST", "/api/entries/import", { token: target.token, body: file }))).toMatchObject({ created: 1, skipped_duplicates: 0, rejected: 0 });
    const [imported] = (await json(await call("GET", "/api/entries", { token: target.token }))).entries;
    expect(imported).toMatchObject({ activities: ["call my sister"], people: ["my sister"], removed: { activities: ["run"], people: [] } });
    expect((await stateOf(target, imported.id))?.activities).toEqual(["call my sister"]);

    // An edit after the import still keeps the removal.
    const edited = await json(await call("PATCH", `/api/entries/${imported.id}`, { token: target.token, body: { content: "Went for a run, called my sister and swam." } }));
    expect(edited.activities).toEqual(["call my sister", "swim"]);
  });

  it("an older export without the lists is read from the text on import", async () => {
    const user = await registerUser();
    const file = { format: "tideline-export", version: 1, entries: [{ content: "Walked the dog with Sam.", created_at: new Date().toISOString() }] };
    expect((await json(await call("POST", "/api/entries/import", { token: user.token, body: file }))).created).toBe(1);
    const [entry] = (await json(await call("GET", "/api/entries", { token: user.token }))).entries;
    expect(entry).toMatchObject({ activities: ["walk the dog"], people: ["sam"] });
  });

  it("CSV and Markdown exports name the activities", async () => {
    const user = await registerUser();
    await write(user, "Baked bread with Lily.");
    const csv = await (await call("GET", "/api/entries/export?format=csv", { token: user.token })).text();
    expect(csv.split("\r\n")[1]).toContain('"bake","lily"');
    const md = await (await call("GET", "/api/entries/export?format=markdown", { token: user.token })).text();
    expect(md).toContain("Activities: bake");
  });
});
