// The benchmark's side of load with correctness (issue 10 part 4): people signed up through the API,
// the mixed traffic of bench/lib/mixed-traffic.ts sent over the Worker's direct socket, and the
// checks read D1 through Miniflare once every insight job has settled.
import type { App } from "./app.ts";
import { send } from "./load.ts";
import { markerWord, runMixedTraffic, settleAndCheck, type SqlAll, type TrafficFigures, type TrafficPerson, type Transport } from "./mixed-traffic.ts";
import { createPerson } from "./seed.ts";
import { rng } from "./texts.ts";

export interface MixedLoadFigures extends TrafficFigures {
  /** Seconds from the end of the traffic until every insight job had settled. */
  drainSeconds: number;
  unsettled: number;
  /** Invariants that did not hold afterwards. */
  invariantProblems: string[];
  checkAttempts: number;
}

export async function measureMixedLoad(app: App, opts: { people: number; connections: number; seconds: number }): Promise<MixedLoadFigures> {
  const random = rng(60);
  const people: TrafficPerson[] = [];
  for (let i = 0; i < opts.people; i++) {
    // Half with deep analysis on: their jobs run through the real queue while the traffic goes on.
    const aiAnalysis = i % 2 === 0;
    const p = await createPerson(app, `load${i}`, { aiAnalysis });
    people.push({ id: p.id, token: p.token, marker: markerWord(random), aiAnalysis });
  }
  const transport: Transport = async (person, request) =>
    send(
      app.productUrl,
      {
        method: request.method,
        path: request.path,
        headers: { authorization: `Bearer ${person.token}` },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      },
      opts.connections,
      120_000,
    );
  const sql: SqlAll = async <T>(query: string, params: unknown[]) => (await app.db.prepare(query).bind(...params).all<T>()).results;
  const run = await runMixedTraffic({ people, connections: opts.connections, seconds: opts.seconds, transport, random });
  const settled = await settleAndCheck(run, sql, transport, { drainTimeoutSeconds: 600, attempts: 5 });
  return { ...run.figures, drainSeconds: settled.drainSeconds, unsettled: settled.unsettled, invariantProblems: settled.problems, checkAttempts: settled.attempts };
}
