// Memories: search by meaning and On This Day (worker/routes/memories.ts).
import { z } from "@hono/zod-openapi";
import { EntryFiltersSchema, EntrySchema } from "./entries.ts";

const IncludeSchema = z
  .enum(["default", "all"])
  .default("default")
  .openapi({ description: "`all` also brings back the entries left out by default: crisis entries (and, on this day, the person's lowest days)." });

export const MemorySearchQuerySchema = EntryFiltersSchema.extend({
  q: z.string().trim().min(1, "Type something to search for.").max(200).openapi({ example: "the time I felt calm by the sea" }),
  include: IncludeSchema,
  limit: z.coerce.number().int().min(1).max(20).default(10),
});
export type MemorySearchQuery = z.output<typeof MemorySearchQuerySchema>;

export const MemoryResultSchema = z
  .object({
    entry: EntrySchema,
    score: z.number().openapi({ description: "The blend of the two scores below, 0..1; higher is better." }),
    meaning: z.number().openapi({ description: "How close the entry is to the query in meaning (cosine of embeddings)." }),
    words: z.number().openapi({ description: "The entry's word match (BM25), relative to the best match of this search, 0..1." }),
  })
  .openapi("MemoryResult");

export const MemorySearchSchema = z
  .object({
    results: z.array(MemoryResultSchema),
    index: z.enum(["local", "vectorize"]).openapi({ description: "Which embedding found the meaning matches." }),
  })
  .openapi("MemorySearch");

export const OnThisDayQuerySchema = z.object({
  date: z.iso.date().optional().openapi({ description: "The day to look back from, in the person's time zone (default: today there)." }),
  include: IncludeSchema,
});
export type OnThisDayQuery = z.output<typeof OnThisDayQuerySchema>;

export const OnThisDaySchema = z
  .object({
    date: z.string().openapi({ description: "The day looked back from (YYYY-MM-DD, the person's time zone)." }),
    memories: z.array(z.object({ years_ago: z.number().int().positive(), entry: EntrySchema })),
  })
  .openapi("OnThisDay");
