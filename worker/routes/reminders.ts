// The daily writing reminder: an "Add to calendar" file, and Web Push subscriptions for the browsers
// a person wants reminded on.
import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, conflictError, jsonBody, jsonResponse, notFoundError } from "../schemas/common.ts";
import { PushStatusSchema, PushSubscriptionSchema, UnsubscribeBodySchema } from "../schemas/reminders.ts";
import { readSettings } from "../services/settings.ts";
import { reminderCalendarFile, removeSubscription, saveSubscription, subscriptionCount, vapidKeys } from "../services/reminders.ts";

export const reminderRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/calendar.ics",
      tags: ["reminders"],
      security: bearerAuth,
      summary: "The daily reminder as a calendar file (a daily event at the reminder time, in the person's time zone)",
      responses: {
        200: { description: "An iCalendar file.", content: { "text/calendar": { schema: z.string() } } },
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => {
      const file = await reminderCalendarFile(getDb(c.env), c.get("user").id, new URL(c.req.url).origin);
      if (file === null) throw new ApiError(404, "no_reminder", "Set a reminder time in Settings first.");
      return new Response(file, {
        status: 200,
        headers: {
          "content-type": "text/calendar; charset=utf-8",
          "content-disposition": 'attachment; filename="tideline-reminder.ics"',
          "cache-control": "no-store",
        },
      });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/push",
      tags: ["reminders"],
      security: bearerAuth,
      summary: "Whether push reminders are available, the key to subscribe with, and how many browsers are subscribed",
      responses: { 200: jsonResponse(PushStatusSchema, "Push status."), ...commonErrors },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const vapid = vapidKeys(c.env);
      const [subscriptions, settings] = await Promise.all([subscriptionCount(db, userId), readSettings(db, userId)]);
      return c.json({ available: vapid !== null, public_key: vapid?.publicKey ?? null, subscriptions, reminder_time: settings.reminder_time }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/push",
      tags: ["reminders"],
      security: bearerAuth,
      summary: "Subscribe this browser to the daily reminder",
      request: { body: jsonBody(PushSubscriptionSchema) },
      responses: { 201: jsonResponse(PushStatusSchema, "Subscribed."), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const vapid = vapidKeys(c.env);
      if (!vapid) throw new ApiError(409, "push_unavailable", "This server is not set up to send push reminders; the calendar file works instead.");
      const db = getDb(c.env);
      const userId = c.get("user").id;
      await saveSubscription(db, userId, c.req.valid("json"), c.req.header("user-agent") ?? null);
      const [subscriptions, settings] = await Promise.all([subscriptionCount(db, userId), readSettings(db, userId)]);
      return c.json({ available: true, public_key: vapid.publicKey, subscriptions, reminder_time: settings.reminder_time }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/push",
      tags: ["reminders"],
      security: bearerAuth,
      summary: "Stop push reminders on a browser",
      request: { body: jsonBody(UnsubscribeBodySchema) },
      responses: { 204: { description: "Unsubscribed." }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      if (!(await removeSubscription(getDb(c.env), c.get("user").id, c.req.valid("json").endpoint))) throw notFound("subscription");
      return c.body(null, 204);
    },
  );
