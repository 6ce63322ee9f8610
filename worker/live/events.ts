// The live channel's messages, both ways. Server events are what a person's open tabs receive from
// their EmotionalGraph object; client messages are checked and anything else closes the socket.
import { z } from "zod";
import { SafetyResourceSchema } from "../safety/resources.ts";

export const LiveEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("insight.ready"),
    entry_id: z.string(),
    revision: z.number().int(),
    summary: z.string(),
    topics: z.array(z.string()),
    questions: z.array(z.string()),
  }),
  z.object({ type: z.literal("insight.failed"), entry_id: z.string(), revision: z.number().int(), reason: z.string() }),
  z.object({ type: z.literal("graph.updated"), entry_id: z.string(), primary_emotion: z.string() }),
  z.object({
    type: z.literal("points.awarded"),
    points: z.number().int(),
    reason: z.string(),
    total: z.number().int(),
    /** Achievements earned with this award (their bonus is included in points). */
    achievements: z.array(z.object({ code: z.string(), title: z.string() })),
  }),
  z.object({ type: z.literal("weekly.ready"), week_end: z.string() }),
  /** The production second opinion found an entry more worrying than the local screen did. */
  z.object({
    type: z.literal("safety.concern"),
    entry_id: z.string(),
    revision: z.number().int(),
    level: z.literal("concern"),
    resources: z.array(SafetyResourceSchema),
  }),
  /** A language-model follow-up now replaces the instant reply to this revision of the entry. */
  z.object({ type: z.literal("reply.refined"), entry_id: z.string(), revision: z.number().int(), text: z.string().min(1) }),
  z.object({ type: z.literal("pong"), connected_at: z.string() }),
]);
export type LiveEvent = z.infer<typeof LiveEventSchema>;

export const ClientMessageSchema = z.discriminatedUnion("type", [z.object({ type: z.literal("ping") })]);

/** Close codes the server uses (RFC 6455 and the private range). */
export const CLOSE = {
  normal: 1000,
  unsupportedData: 1003,
  policyViolation: 1008,
} as const;

/** How long a ticket from POST /api/live/ticket can be used, once. */
export const LIVE_TICKET_TTL_MS = 60_000;
