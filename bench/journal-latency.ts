// Measures how long POST /api/journal/entries takes for a person with a year of history, end to
// end through wrangler dev (D1, the Durable Object and the local model all real), and prints the
// figures. Run: npm run bench:journal  (options: --days 365 --per-day 2 --samples 100)
import { parseArgs } from "node:util";
import { startLocalApp } from "../scripts/lib/local-app.ts";

const { values } = parseArgs({
  options: {
    days: { type: "string", default: "365" },
    "per-day": { type: "string", default: "2" },
    samples: { type: "string", default: "100" },
  },
});
const DAYS = Number(values.days);
const PER_DAY = Number(values["per-day"]);
const SAMPLES = Number(values.samples);

// A year that goes up and down, with the things people write about.
const MOODS = [
  "Felt low and tired all day, missing home.",
  "A wonderful morning, laughed with friends and felt grateful.",
  "Anxious about the deadline, could not sleep well.",
  "So annoyed at the meeting, nobody listened again.",
  "Quiet day. Did the shopping and read a bit.",
  "Happy and proud, the run went really well today!",
  "Sad news from the family, I cried a little.",
];
const TAGS = [["walk"], ["work"], ["family"], ["run", "morning"], [], ["friends"], ["music"]];

async function api(baseUrl: string, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body) headers.set("content-type", "application/json");
  const res = await fetch(`${baseUrl}${path}`, { ...init, headers });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${res.status}: ${await res.text()}`);
  return res;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main() {
  const app = await startLocalApp("bench");
  try {
    const { access_token: token } = (await (
      await api(app.baseUrl, "/api/auth/register", {
        method: "POST",
        body: JSON.stringify({ name: "Bench", email: `bench-${Date.now()}@example.com`, password: "benchmark password" }),
      })
    ).json()) as { access_token: string };

    // The history is imported with analysis off: 730 queued insight jobs would otherwise keep the
    // consumer busy on the same cores for the whole measurement.
    await api(app.baseUrl, "/api/settings", { method: "PUT", token, body: JSON.stringify({ ai_analysis: false }) });
    const start = Date.now() - DAYS * 86_400_000;
    const entries = Array.from({ length: DAYS * PER_DAY }, (_, i) => ({
      content: `${MOODS[(i * 5 + (i >> 3)) % MOODS.length]} (day ${Math.floor(i / PER_DAY) + 1})`,
      tags: TAGS[i % TAGS.length],
      created_at: new Date(start + (i * 86_400_000) / PER_DAY).toISOString(),
    }));
    const seeded = Date.now();
    const imported = (await (
      await api(app.baseUrl, "/api/entries/import", {
        method: "POST",
        token,
        body: JSON.stringify({ format: "tideline-export", version: 1, entries }),
      })
    ).json()) as { created: number };
    console.log(`seeded ${imported.created} entries (${DAYS} days × ${PER_DAY}) in ${Date.now() - seeded} ms`);

    // Measured twice: with background analysis off (the synchronous path alone) and on (each write
    // also queues a job, whose consumer competes for the same two cores in wrangler dev).
    for (const aiAnalysis of [false, true]) {
      await api(app.baseUrl, "/api/settings", { method: "PUT", token, body: JSON.stringify({ ai_analysis: aiAnalysis }) });
      const times: number[] = [];
      for (let i = 0; i < SAMPLES + 5; i++) {
        const body = JSON.stringify({ content: MOODS[i % MOODS.length], tags: TAGS[i % TAGS.length] });
        const t0 = performance.now();
        await api(app.baseUrl, "/api/journal/entries", { method: "POST", token, body });
        if (i >= 5) times.push(performance.now() - t0); // the first few warm the isolate and the model
      }
      times.sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      console.log(`\nPOST /api/journal/entries, background analysis ${aiAnalysis ? "ON" : "OFF"}, ${imported.created}+ entries of history, ${SAMPLES} sequential requests:`);
      console.log(`  median ${percentile(times, 0.5).toFixed(1)} ms   p90 ${percentile(times, 0.9).toFixed(1)} ms   p99 ${percentile(times, 0.99).toFixed(1)} ms   mean ${mean.toFixed(1)} ms`);
    }
    console.log("  (through wrangler dev's local proxy; target: median under 50 ms)");
  } finally {
    await app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
