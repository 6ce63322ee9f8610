// Guards the layering rules of DESIGN.md that no type-check sees: route handlers validate, call a
// service and shape the answer (no drizzle, no query of their own), and JSON read back from storage is
// parsed with its schema, never cast.
/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";

const routes = import.meta.glob<string>("../worker/routes/*.ts", { query: "?raw", import: "default", eager: true });
const stored = import.meta.glob<string>(["../worker/**/*.ts", "../durable-objects/*.ts", "../queues/*.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/**
 * Routes that still query on their own while someone reworks them: each must be emptied from here
 * when its queries move into a service (the test says so once the route is clean).
 */
const KNOWN_EXCEPTIONS = new Set<string>([]);
/** Files whose JSON reads are not yet checked (none now). */
const CAST_EXCEPTIONS = new Set<string>([]);

const QUERY_METHODS = "select|selectDistinct|insert|update|delete|query|batch|run|all|get|values|\\$count";

/** What in a route's source breaks the rule, one line each. */
function queriesIn(source: string): string[] {
  const found: string[] = [];
  const rules: [RegExp, string][] = [
    [/from\s+["']drizzle-orm(\/[^"']*)?["']/, "imports drizzle-orm"],
    [/from\s+["']\.\.\/db\/schema(\.ts)?["']/, "imports the tables of db/schema.ts"],
    [new RegExp(`getDb\\([^)]*\\)\\s*\\.\\s*(${QUERY_METHODS})\\b`), "queries through getDb(…)"],
    [new RegExp(`\\bdb\\s*\\.\\s*(${QUERY_METHODS})\\b`), "queries through a db handle"],
    [/\.prepare\s*\(/, "prepares a D1 statement"],
  ];
  for (const [pattern, what] of rules) {
    const match = pattern.exec(source);
    if (match) found.push(`${what}: line ${source.slice(0, match.index).split("\n").length}`);
  }
  return found;
}

describe("layers", () => {
  it("finds the route sources", () => {
    expect(Object.keys(routes).length).toBeGreaterThan(10);
    expect(Object.keys(routes)).toContain("../worker/routes/entries.ts");
  });

  it("route handlers leave queries to services", () => {
    const offenders: Record<string, string[]> = {};
    for (const [file, source] of Object.entries(routes)) {
      const found = queriesIn(source);
      if (found.length > 0 && !KNOWN_EXCEPTIONS.has(file)) offenders[file] = found;
      if (found.length === 0 && KNOWN_EXCEPTIONS.has(file)) offenders[file] = ["no longer queries: remove it from KNOWN_EXCEPTIONS in tests/layers.test.ts"];
    }
    expect(offenders).toEqual({});
  });

  it("the check catches what it is meant to", () => {
    expect(queriesIn('import { eq } from "drizzle-orm";')).toHaveLength(1);
    expect(queriesIn("const rows = await getDb(c.env)\n  .select()\n  .from(goals);")).toHaveLength(1);
    expect(queriesIn("const db = getDb(c.env);\nawait db.query.users.findFirst({});")).toHaveLength(1);
    expect(queriesIn("await db.batch([first]);")).toHaveLength(1);
    expect(queriesIn("c.json(await goalView(getDb(c.env), userId, id), 200)")).toEqual([]);
  });

  it("stored JSON is parsed with a schema, never cast", () => {
    const casts: Record<string, string[]> = {};
    const patterns = [/JSON\.parse\([^;]*?\)\s*as\s+[A-Za-z{[]/g, /deserializeAttachment\(\)\s*as\s/g];
    for (const [file, source] of Object.entries(stored)) {
      if (CAST_EXCEPTIONS.has(file)) continue;
      for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) {
          (casts[file] ??= []).push(`line ${source.slice(0, match.index).split("\n").length}: ${match[0]}`);
        }
      }
    }
    expect(casts).toEqual({});
  });
});
