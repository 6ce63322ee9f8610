// The insight-jobs queue's message contract, checked with zod on the way in.
import { z } from "zod";

export const InsightJobSchema = z.object({
  type: z.literal("analyze-entry"),
  entryId: z.uuid(),
  userId: z.uuid(),
  revision: z.number().int().positive(),
});
export type InsightJob = z.infer<typeof InsightJobSchema>;

export const WeeklySummaryJobSchema = z.object({
  type: z.literal("weekly-summary"),
  userId: z.uuid(),
  /** The last day of the week, in the person's time zone. */
  weekEnd: z.iso.date(),
  /** The moment the week ends (the cron run that asked for it), in ms. */
  until: z.number().int().positive(),
});
export type WeeklySummaryJob = z.infer<typeof WeeklySummaryJobSchema>;

/** Bring the graph into step with D1 for one entry, after a graph call failed part-way through a write. */
export const GraphSyncJobSchema = z.object({
  type: z.literal("sync-graph"),
  userId: z.uuid(),
  entryId: z.uuid(),
});
export type GraphSyncJob = z.infer<typeof GraphSyncJobSchema>;

/** Give a chunk of a person's entries their local day in the time zone they now live in (worker/services/zone-days.ts). */
export const RedateJobSchema = z.object({
  type: z.literal("redate-entries"),
  userId: z.uuid(),
  /** The chunk starts after this entry (its write order, `entries.seq`); 0 for the first. */
  afterSeq: z.number().int().nonnegative(),
});
export type RedateJob = z.infer<typeof RedateJobSchema>;

export const QueueMessageSchema = z.discriminatedUnion("type", [InsightJobSchema, WeeklySummaryJobSchema, GraphSyncJobSchema, RedateJobSchema]);
export type QueueMessage = z.infer<typeof QueueMessageSchema>;

export const INSIGHT_DEAD_LETTER_QUEUE = "insight-jobs-dlq";
