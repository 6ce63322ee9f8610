// Runs some work and answers every query it sent to D1 with the values it bound and SQLite's plan
// for it, so that a test can say how a route or a service reads, not only what it answers.
import { env } from "cloudflare:workers";
import { vi } from "vitest";

export interface PlannedQuery {
  sql: string;
  params: unknown[];
  /** EXPLAIN QUERY PLAN, one line per step, outermost loop first. */
  steps: string[];
  /** The steps joined with " | ", for matching. */
  detail: string;
}

export async function explain(sql: string, ...params: unknown[]): Promise<string[]> {
  const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return rows.results.map((r) => r.detail);
}

export async function queriesOf(run: () => Promise<unknown>): Promise<PlannedQuery[]> {
  const sent: { sql: string; params: unknown[] }[] = [];
  const prepare = env.DB.prepare.bind(env.DB);
  const spy = vi.spyOn(env.DB, "prepare").mockImplementation((query: string) => {
    const statement = prepare(query);
    const record = { sql: query, params: [] as unknown[] };
    sent.push(record);
    const bind = statement.bind.bind(statement);
    statement.bind = (...params: unknown[]) => {
      record.params = params;
      return bind(...params);
    };
    return statement;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return Promise.all(
    sent.map(async (q) => {
      const steps = await explain(q.sql, ...q.params);
      return { ...q, steps, detail: steps.join(" | ") };
    }),
  );
}
