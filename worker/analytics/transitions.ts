// The emotional graph's transitions as a square matrix for a heatmap: one row and one column per
// Ekman emotion, in the taxonomy's order, so that every person's heatmap reads the same way. Pure.
import { EKMAN_EMOTIONS } from "../emotion/taxonomy.ts";
import type { TransitionsSchema } from "../schemas/analytics.ts";
import type { z } from "@hono/zod-openapi";

export function transitionMatrix(edges: readonly { from: string; to: string; count: number }[]): z.infer<typeof TransitionsSchema> {
  const emotions = [...EKMAN_EMOTIONS];
  const index = new Map<string, number>(emotions.map((e, i) => [e, i]));
  const counts = emotions.map(() => emotions.map(() => 0));
  for (const edge of edges) {
    const i = index.get(edge.from);
    const j = index.get(edge.to);
    if (i === undefined || j === undefined || edge.count <= 0) continue;
    counts[i]![j]! += edge.count;
  }
  const totals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const probabilities = counts.map((row, i) => row.map((n) => (totals[i]! > 0 ? Math.round((n / totals[i]!) * 1000) / 1000 : 0)));
  return { emotions, counts, probabilities, totals, total_transitions: totals.reduce((a, b) => a + b, 0) };
}
