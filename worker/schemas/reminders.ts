// Shapes of the reminder routes: the calendar file and Web Push subscriptions.
import { z } from "@hono/zod-openapi";

/** What the browser's PushSubscription.toJSON() gives: the endpoint and its two keys. */
export const PushSubscriptionSchema = z
  .object({
    endpoint: z.url({ protocol: /^https$/ }).max(2048).openapi({ example: "https://fcm.googleapis.com/fcm/send/abc…" }),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({
      // An uncompressed P-256 point (65 bytes) and a 16-byte secret, base64url.
      p256dh: z.string().regex(/^[A-Za-z0-9_-]{86,88}$/, "p256dh must be a base64url P-256 public key."),
      auth: z.string().regex(/^[A-Za-z0-9_-]{21,24}$/, "auth must be a base64url 16-byte secret."),
    }),
  })
  .openapi("PushSubscription");
export type PushSubscriptionJson = z.infer<typeof PushSubscriptionSchema>;

export const UnsubscribeBodySchema = z.object({ endpoint: z.url().max(2048) }).openapi("PushUnsubscribe");

export const PushStatusSchema = z
  .object({
    available: z.boolean().openapi({ description: "Whether this server can send push reminders (its VAPID keys are set)." }),
    public_key: z.string().nullable().openapi({ description: "The VAPID public key for PushManager.subscribe (applicationServerKey)." }),
    subscriptions: z.number().int().openapi({ description: "How many of the person's browsers are subscribed." }),
    reminder_time: z.string().nullable(),
  })
  .openapi("PushStatus");
