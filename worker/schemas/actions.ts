// Shapes of the action-item routes: a person's open intentions, kept from their insights.
import { z } from "@hono/zod-openapi";

export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES).openapi({ example: "done" });

export const ActionItemSchema = z
  .object({
    id: z.string(),
    entry_id: z.string().openapi({ description: "The entry whose insight found the intention." }),
    text: z.string().openapi({ description: "The person's own words, as the insight quoted them.", example: "I need to talk to my manager about the deadline" }),
    status: ActionStatusSchema,
    due_date: z.string().nullable().openapi({ description: "A day the words name (\"tomorrow\", \"on Friday\"), YYYY-MM-DD in the person's time zone; null when they name none." }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("ActionItem");

export const ActionListQuerySchema = z.object({
  status: ActionStatusSchema.optional().openapi({ description: "Only items with this status; all of them when left out." }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const ActionPageSchema = z.object({ items: z.array(ActionItemSchema), next_cursor: z.string().nullable() }).openapi("ActionPage");

export const ActionPatchBodySchema = z.object({ status: ActionStatusSchema }).openapi("ActionPatchBody");

export const ActionFollowUpSchema = z
  .object({
    follow_up: z
      .object({
        text: z.string().openapi({ example: "You meant to talk to your manager about the deadline \u2014 how did it go?" }),
        item: ActionItemSchema,
      })
      .nullable()
      .openapi({ description: "At most one open intention written a day or more ago, never from or after a crisis or concern entry; null when there is none." }),
  })
  .openapi("ActionFollowUp");
