// A benchmark-only Worker that writes long histories fast and as the Worker's import does: the
// import's own statements (entries, tags, the FTS index through its triggers) in large D1 batches,
// then the import's own local reading and graph call (`analyseAndRecordMany`: mood columns and
// EmotionalGraph.recordStates). It runs in the benchmark's Miniflare beside Tideline, bound to the
// same D1 database and to Tideline's EmotionalGraph class; it is never part of the production Worker.
import { is } from "drizzle-orm";
import { SQLiteDeleteBase } from "drizzle-orm/sqlite-core";
import { getDb } from "../../worker/db/client.ts";
import { createEntryStatements, initialNoticed } from "../../worker/services/entries.ts";
import { analyseAndRecordMany } from "../../worker/services/entry-emotion.ts";

interface SeedRequest {
  userId: string;
  entries: { id: string; content: string; tags: string[]; createdAt: number }[];
}

export default {
  // Typed as the product's Env: this Worker has only DB and EMOTIONAL_GRAPH, all the code below uses.
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== "POST") return new Response("POST a chunk of entries", { status: 405 });
    const { userId, entries } = (await request.json()) as SeedRequest;
    const db = getDb(env);
    // Wall times of the two steps (the clock moves across I/O), for the benchmark's progress lines.
    const t0 = Date.now();
    // A new entry has no tags to clear: the import's one DELETE (FROM entry_tags) is left out, as it scans
    // all of the person's entry_tags today (the planner picks entry_tags_user_tag) and would make
    // seeding quadratic. Everything it writes is the same.
    const [first, ...rest] = entries
      .flatMap((e) => createEntryStatements(db, userId, e.id, { content: e.content, tags: e.tags, created_at: e.createdAt }))
      .filter((statement) => !is(statement, SQLiteDeleteBase));
    if (first) await db.batch([first, ...rest]);
    const t1 = Date.now();
    const noticed = new Map<string, string[]>();
    await analyseAndRecordMany(
      env,
      db,
      userId,
      entries.map((e) => {
        let activities = noticed.get(e.content);
        if (!activities) noticed.set(e.content, (activities = initialNoticed({ content: e.content, title: null }).activities));
        return { id: e.id, title: null, content: e.content, revision: 1, createdAt: e.createdAt, tags: e.tags, activities };
      }),
    );
    return Response.json({ written: entries.length, insertMs: t1 - t0, analyseAndRecordMs: Date.now() - t1 });
  },
};
