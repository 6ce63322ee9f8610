// Shapes of the goal routes.
import { z } from "@hono/zod-openapi";
import { LIFE_AREAS } from "../db/schema.ts";
import { EKMAN_EMOTIONS } from "../emotion/taxonomy.ts";
import { DAY_MS } from "../lib/time-zone.ts";
import { InstantSchema } from "./common.ts";

const GOAL_STATUSES = ["active", "completed", "archived"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

const TitleSchema = z.string().trim().min(1, "Give the goal a title.").max(120);
const TaskTitleSchema = z.string().trim().min(1, "A step needs a title.").max(120);

export const CreateGoalBodySchema = z
  .object({
    title: TitleSchema,
    description: z.string().trim().max(1000).nullable().optional(),
    life_area: z.enum(LIFE_AREAS).default("other"),
    target_emotion: z.enum(EKMAN_EMOTIONS).nullable().optional(),
    due_date: z.iso.date().nullable().optional(),
    tasks: z.array(TaskTitleSchema).max(30, "A goal can have at most 30 steps.").default([]),
    entry_id: z
      .uuid()
      .optional()
      .openapi({ description: "The journal entry whose reply offered this goal (`goal_offer`): the offer is then marked as taken." }),
  })
  .openapi("CreateGoalBody");

/**
 * A goal drafted from an intention an entry states ("I want to start running three times a week"),
 * offered with the reply; its fields are CreateGoalBody's, so accepting it posts them as they are.
 * Stored as JSON on the reply (replies.goal_offer) and parsed with this schema on every read.
 */
export const GoalOfferSchema = z
  .object({
    title: TitleSchema,
    life_area: z.enum(LIFE_AREAS),
    description: z.string().max(1000),
    due_date: z.iso.date().nullable(),
    cadence: z
      .object({ times: z.number().int().positive(), per: z.enum(["day", "week", "month"]) })
      .nullable()
      .openapi({ description: "How often, when the entry says (\"three times a week\" → 3 per week); already in the title." }),
  })
  .openapi("GoalOffer");
export type GoalOffer = z.infer<typeof GoalOfferSchema>;

export const UpdateGoalBodySchema = z
  .object({
    title: TitleSchema.optional(),
    description: z.string().trim().max(1000).nullable().optional(),
    life_area: z.enum(LIFE_AREAS).optional(),
    target_emotion: z.enum(EKMAN_EMOTIONS).nullable().optional(),
    due_date: z.iso.date().nullable().optional(),
    status: z.enum(GOAL_STATUSES).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "Send at least one field to change.")
  .openapi("UpdateGoalBody");

/** A goal holds at most this many steps, however they were added. */
export const MAX_GOAL_STEPS = 30;

export const CreateTaskBodySchema = z.object({ title: TaskTitleSchema }).openapi("CreateGoalTaskBody");
export const UpdateTaskBodySchema = z
  .object({ title: TaskTitleSchema.optional(), done: z.boolean().optional() })
  .refine((b) => b.title !== undefined || b.done !== undefined, "Send a title or done.")
  .openapi("UpdateGoalTaskBody");
export const ProgressBodySchema = z
  .object({ progress: z.number().int().min(0).max(100), note: z.string().trim().max(500).nullable().optional() })
  .openapi("GoalProgressBody");

export const GoalTaskSchema = z.object({ id: z.string(), title: z.string(), done: z.boolean(), position: z.number().int() }).openapi("GoalTask");

export const GoalSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    life_area: z.enum(LIFE_AREAS),
    target_emotion: z.enum(EKMAN_EMOTIONS).nullable(),
    status: z.enum(GOAL_STATUSES),
    due_date: z.string().nullable(),
    completed_at: z.string().nullable(),
    progress: z.number().int().openapi({ description: "0–100: the latest recorded progress." }),
    tasks: z.array(GoalTaskSchema),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Goal");

export const GoalIdParamSchema = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
export const GoalTaskParamSchema = GoalIdParamSchema.extend({
  taskId: z.uuid().openapi({ param: { name: "taskId", in: "path" } }),
});

export const GoalListQuerySchema = z.object({ status: z.enum(GOAL_STATUSES).optional() });
export const GoalListSchema = z.object({ goals: z.array(GoalSchema) });

export const GoalProgressHistorySchema = z.object({
  history: z.array(z.object({ progress: z.number().int(), note: z.string().nullable(), recorded_at: z.string() })),
});

/** The longest range one balance chart covers. */
const MAX_BALANCE_SPAN_MS = 400 * DAY_MS;

export const BalanceQuerySchema = z
  .object({
    bucket: z.enum(["week", "month"]).default("week").openapi({ description: "One point per local week (from Monday) or month." }),
    from: InstantSchema.optional().openapi({ description: "Start of the range; by default 26 weeks (or 12 months) before `to`." }),
    to: InstantSchema.optional().openapi({ description: "End of the range (exclusive); now by default." }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: "'from' must be before 'to'.", path: ["from"] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_BALANCE_SPAN_MS, { message: "The range can be at most 400 days.", path: ["to"] });
export type BalanceQuery = z.output<typeof BalanceQuerySchema>;

const AreaScoreSchema = z.object({
  score: z.number().min(0).max(1).nullable().openapi({ description: "0–1; null when the area has neither goals nor entries in the range." }),
  goal_progress: z.number().min(0).max(1).nullable().openapi({ description: "Mean progress of the area's counted goals; null without goals." }),
  goals: z.number().int().openapi({ description: "Goals counted." }),
  entries: z.number().int().openapi({ description: "Entries that touch the area." }),
});

export const LifeBalanceSchema = z
  .object({
    bucket: z.enum(["week", "month"]),
    time_zone: z.string(),
    from: z.string(),
    to: z.string(),
    method: z.string().openapi({ description: "How the scores are computed, in words." }),
    periods: z.array(z.string()).openapi({ description: "The first local day of each period, oldest first." }),
    areas: z.array(
      z.object({
        area: z.enum(LIFE_AREAS),
        current: AreaScoreSchema.openapi({ description: "The score over the last 28 days." }),
        points: z.array(AreaScoreSchema.extend({ period: z.string() })),
      }),
    ),
  })
  .openapi("LifeBalance");
