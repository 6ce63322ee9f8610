// Everything the app has stored, read in one D1 round trip (plus the graphs of the people named),
// so a test can say "this request changed nothing" without knowing which tables a route touches.
import { env } from "cloudflare:workers";
import { graphFor } from "../../worker/services/graph.ts";

export interface StoreSnapshot {
  d1: Record<string, string[]>;
  graphs: Record<string, unknown>;
}

let tables: string[] | null = null;

async function storedTables(): Promise<string[]> {
  if (tables) return tables;
  const { results } = await env.DB.prepare(
    // FTS5's shadow tables are derived from entries by triggers; the virtual table itself is read.
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT LIKE 'entries_fts_%' ORDER BY name",
  ).all<{ name: string }>();
  tables = results.map((r) => r.name);
  return tables;
}

/** Every row of every table, in a stable order; and for each user id given, their whole graph. */
export async function snapshotStore(graphUserIds: string[] = []): Promise<StoreSnapshot> {
  const names = await storedTables();
  const results = await env.DB.batch(names.map((name) => env.DB.prepare(`SELECT * FROM "${name}"`)));
  // Sorted here rather than by rowid, so tables created WITHOUT ROWID are read the same way.
  const d1 = Object.fromEntries(names.map((name, i) => [name, results[i]!.results.map((row) => JSON.stringify(row)).sort()]));
  const graphs: Record<string, unknown> = {};
  for (const userId of graphUserIds) {
    const graph = graphFor(env, userId);
    const [history, view] = await Promise.all([graph.history(500), graph.graph()]);
    graphs[userId] = { history, view };
  }
  return { d1, graphs };
}
