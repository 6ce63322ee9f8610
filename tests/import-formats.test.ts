// POST /api/entries/import with other journals' exports (Day One JSON, Daylio CSV): format told by
// content, rows validated one by one (a bad row is rejected with its reason, the rest import),
// duplicates skipped, Daylio's mood kept as the stated mood over any reading of the words.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { graphFor } from "../worker/services/graph.ts";
import { call, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";
import { deliver } from "./queues/helpers.ts";
import dayOne from "./fixtures/import/day-one.json?raw";
import dayOneMalformed from "./fixtures/import/day-one-malformed.json?raw";
import dayOneBadJson from "./fixtures/import/day-one-bad-json.json?raw";
import daylio from "./fixtures/import/daylio.csv?raw";
import daylioMalformed from "./fixtures/import/daylio-malformed.csv?raw";
import semicolon from "./fixtures/import/daylio-semicolon.csv?raw";

const upload = (user: TestUser, text: string, contentType = "text/plain") =>
  call("POST", "/api/entries/import", { token: user.token, rawBody: text, headers: { "content-type": contentType } });

const listEntries = async (user: TestUser) => (await json(await call("GET", "/api/entries?limit=50", { token: user.token }))).entries as Array<Record<string, any>>;
const row = (id: string) => env.DB.prepare("SELECT * FROM entries WHERE id = ?").bind(id).first<Record<string, any>>();

describe("POST /api/entries/import: Day One", () => {
  it("imports the entries with their text, tags and times, whatever the content type, and skips them the second time", async () => {
    const user = await registerUser();
    for (const type of ["application/json", "application/octet-stream"]) {
      const res = await upload(user, dayOne, type);
      expect(res.status).toBe(200);
      const first = type === "application/json";
      expect(await json(res)).toEqual({ format: "day-one", created: first ? 3 : 0, skipped_duplicates: first ? 0 : 3, rejected: 0, rejections: [], warnings: [] });
    }
    const entries = await listEntries(user);
    expect(entries).toHaveLength(3);
    const harbour = entries.find((e) => e.content.startsWith("# Harbour"))!;
    expect(harbour).toMatchObject({ created_at: "2024-03-05T21:34:10.000Z", tags: ["evening walk", "sea", "starred"] });
    expect(harbour.content).toContain("![](dayone-moment://4F2D8E6A1B3C)");
    // Read like any entry: the local reading and a graph state each.
    expect(harbour.mood.primary_emotion).not.toBeNull();
    expect(await graphFor(env, user.id).stateCount()).toBe(3);
  });

  it("rejects the bad entries with their index and reason and imports the rest", async () => {
    const user = await registerUser();
    const res = await upload(user, dayOneMalformed, "application/json");
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ format: "day-one", created: 2, skipped_duplicates: 0, rejected: 8 });
    expect(body.rejections.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(body.rejections[6]).toEqual({ index: 7, reason: "created_at: An entry cannot be dated in the future." });
    expect((await listEntries(user)).map((e) => e.content).sort()).toEqual(["Tags with commas and hashes are tidied, not refused.", "The one good entry in this file."]);
  });

  it("answers 400 in the envelope for a file that is not valid JSON, storing nothing", async () => {
    const user = await registerUser();
    const error = await expectError(await upload(user, dayOneBadJson, "application/json"), 400, "unreadable_file");
    expect(error.message).toMatch(/not valid JSON/);
    expect(await listEntries(user)).toEqual([]);
  });
});

describe("POST /api/entries/import: Daylio", () => {
  it("imports moods as stated moods and tags, activities as activities, at local times in the person's zone", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { timezone: "Europe/Berlin" } });
    const res = await upload(user, daylio, "text/csv");
    expect(await json(res)).toEqual({ format: "daylio", created: 5, skipped_duplicates: 0, rejected: 0, rejections: [], warnings: [] });

    const entries = await listEntries(user);
    const rad = entries.find((e) => e.title === "Great day")!;
    expect(rad).toMatchObject({ content: "Played football with Ana, then pizza.", created_at: "2024-03-05T20:34:00.000Z", tags: ["mood:rad"] });
    expect(rad.activities).toEqual(expect.arrayContaining(["friends", "sport", "good sleep"]));
    expect(rad.mood).toMatchObject({ primary_emotion: "joy", valence: 0.9, is_positive: true });
    expect((await row(rad.id))!.stated_mood).toBe("rad");

    const awful = entries.find((e) => e.title === "Rough")!;
    expect(awful.mood).toMatchObject({ primary_emotion: "sadness", valence: -0.9, is_positive: false });
    const meh = entries.find((e) => e.content === "Mood: meh.")!;
    expect(meh.mood).toMatchObject({ primary_emotion: "neutral", valence: 0 });
    // Nothing of its own to analyse deeply: no insight is queued for a mood-only entry.
    expect(meh.insight_status).toBeNull();
    expect(rad.insight_status).toBe("pending");
    // The graph holds the stated moods.
    const states = await graphFor(env, user.id).stateCount();
    expect(states).toBe(5);

    // Importing the same file again creates nothing.
    expect(await json(await upload(user, daylio))).toMatchObject({ created: 0, skipped_duplicates: 5, rejected: 0 });
  });

  it("keeps a stated mood over the local reading of an edit and over the deep analysis", async () => {
    const user = await registerUser();
    const csv = "full_date,date,weekday,time,mood,activities,note_title,note\n2024-02-01,Feb 1,Thursday,20:00,awful,,,What a wonderful happy day. I loved every minute of it!\n";
    expect(await json(await upload(user, csv))).toMatchObject({ created: 1 });
    const [entry] = await listEntries(user);
    expect(entry!.mood).toMatchObject({ primary_emotion: "sadness", valence: -0.9 });

    // The deep analysis reads joy in these words; the person said awful.
    const job = { type: "analyze-entry", entryId: entry!.id, userId: user.id, revision: 1 };
    expect((await deliver(job)).explicitAcks).toHaveLength(1);
    const afterAnalysis = await json(await call("GET", `/api/entries/${entry!.id}`, { token: user.token }));
    expect(afterAnalysis.insight_status).toBe("ready");
    expect(afterAnalysis.mood).toMatchObject({ primary_emotion: "sadness", valence: -0.9 });

    // An edit is read again for safety, activities and people, but the mood stays the stated one.
    const edited = await call("PATCH", `/api/entries/${entry!.id}`, { token: user.token, body: { content: "Best day ever, so happy and grateful!" } });
    expect(edited.status).toBe(200);
    expect((await json(edited)).mood).toMatchObject({ primary_emotion: "sadness", valence: -0.9 });
    expect(await row(entry!.id)).toMatchObject({ stated_mood: "awful", primary_emotion: "sadness", valence: -0.9 });
  });

  it("rejects damaged rows with their line and reason, imports the rest and warns about an unknown mood", async () => {
    const user = await registerUser();
    const body = await json(await upload(user, daylioMalformed, "text/csv"));
    expect(body).toMatchObject({ format: "daylio", created: 3, skipped_duplicates: 0, rejected: 6 });
    expect(body.rejections.map((r: { line: number }) => r.line)).toEqual([3, 4, 6, 7, 8, 10]);
    expect(body.rejections[0]).toEqual({ line: 3, reason: 'full_date "2024-13-40" is not a date (YYYY-MM-DD).' });
    expect(body.warnings).toEqual([{ line: 5, reason: expect.stringContaining('"ecstatic"') }]);
    const ecstatic = (await listEntries(user)).find((e) => e.tags.includes("mood:ecstatic"))!;
    expect((await row(ecstatic.id))!.stated_mood).toBeNull();
  });

  it("refuses a Daylio export with the wrong delimiter, and any other CSV, as a whole", async () => {
    const user = await registerUser();
    expect((await expectError(await upload(user, semicolon, "text/csv"), 400, "unreadable_file")).message).toMatch(/semicolons/);
    await expectError(await upload(user, "id,content\n1,Hello\n", "text/csv"), 400, "unreadable_file");
    await expectError(await upload(user, ""), 400, "unreadable_file");
    expect(await listEntries(user)).toEqual([]);
  });

  it("stores entries only in the importer's journal and needs authentication", async () => {
    const importer = await registerUser();
    const other = await registerUser();
    await upload(importer, daylio);
    expect(await listEntries(other)).toEqual([]);
    await expectError(await call("POST", "/api/entries/import", { rawBody: daylio, headers: { "content-type": "text/csv" } }), 401);
  });

  it("stores a long file in batches: all of its rows, each once", async () => {
    const user = await registerUser();
    const lines = Array.from({ length: 95 }, (_, i) => {
      const day = new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return `${day},x,x,12:00,${["rad", "good", "meh", "bad", "awful"][i % 5]},walk,,"Day ${i}, written"`;
    });
    const csv = ["full_date,date,weekday,time,mood,activities,note_title,note", ...lines, "2023-13-01,x,x,12:00,good,,,bad date"].join("\n");
    expect(await json(await upload(user, csv))).toMatchObject({ created: 95, rejected: 1, rejections: [{ line: 97 }] });
    const count = await env.DB.prepare("SELECT count(*) AS n, count(DISTINCT content) AS d FROM entries WHERE user_id = ?").bind(user.id).first<{ n: number; d: number }>();
    expect(count).toEqual({ n: 95, d: 95 });
    expect(await graphFor(env, user.id).stateCount()).toBe(95);
  });
});

describe("a stated mood on an entry that sounds like a crisis", () => {
  it("is never stored as joy: the safety screen's distress rule holds for Daylio's moods too", async () => {
    const user = await registerUser();
    const csv = [
      "full_date,date,weekday,time,mood,activities,note_title,note",
      '2024-03-06,March 6,Wednesday,21:10,rad,friends,,"I don\'t want to be alive anymore. I have been thinking about ending it all."',
      "2024-03-07,March 7,Thursday,09:00,rad,sport,,Morning run in the sun.",
    ].join("\n");
    const res = await upload(user, csv);
    expect(res.status).toBe(200);
    const entries = await listEntries(user);
    const hard = entries.find((e) => e.content.startsWith("I don't want"))!;
    expect(hard.safety.level).toBe("crisis");
    expect(hard.mood).toMatchObject({ primary_emotion: "sadness", is_positive: false });
    expect(hard.mood.valence).toBeLessThan(0);
    const glad = entries.find((e) => e.content.startsWith("Morning run"))!;
    expect(glad.mood).toMatchObject({ primary_emotion: "joy", valence: 0.9 });
  });
});
