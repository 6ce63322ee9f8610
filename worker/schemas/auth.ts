// Request and response shapes of the account routes.
import { z } from "@hono/zod-openapi";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254))
  .openapi({ example: "ada@example.com" });

export const NewPasswordSchema = z.string().min(10, "Use at least 10 characters.").max(256);

export const RegisterBodySchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(100),
    email: EmailSchema,
    password: NewPasswordSchema,
  })
  .openapi("RegisterBody");

export const LoginBodySchema = z
  .object({ email: EmailSchema, password: z.string().min(1).max(256) })
  .openapi("LoginBody");

/** The refresh token's shape, in a body or in the session cookie. */
export const RefreshTokenSchema = z.string().min(16).max(128);

export const RefreshBodySchema = z
  .object({
    refresh_token: RefreshTokenSchema.optional().openapi({
      description: "For clients outside the app's own origin. The app itself sends no body: its refresh token is the HttpOnly session cookie.",
    }),
  })
  .openapi("RefreshBody");

export const ChangePasswordBodySchema = z
  .object({ current_password: z.string().min(1).max(256), new_password: NewPasswordSchema })
  .openapi("ChangePasswordBody");

export const DeleteAccountBodySchema = z
  .object({ password: z.string().min(1).max(256) })
  .openapi("DeleteAccountBody");

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["user", "admin"]),
  })
  .openapi("User");

export const MeSchema = z.object({ user: UserSchema });

export const SessionSchema = z
  .object({
    user: UserSchema,
    access_token: z.string(),
    refresh_token: z.string().optional().openapi({
      description: "Absent when the request came from the app's own origin: the token is then set as an HttpOnly cookie instead.",
    }),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int(),
  })
  .openapi("Session");

export const SessionInfoSchema = z
  .object({
    id: z.uuid(),
    /** The session this request was made in. */
    current: z.boolean(),
    created_at: z.string(),
    last_used_at: z.string(),
    expires_at: z.string(),
    user_agent: z.string().nullable(),
    city: z.string().nullable().openapi({ description: "Approximate, from the network; null where the platform does not tell." }),
    country: z.string().nullable(),
  })
  .openapi("SignedInSession");

export const SessionListSchema = z.object({ sessions: z.array(SessionInfoSchema) }).openapi("SignedInSessions");

export const EndedSessionsSchema = z
  .object({ ended: z.number().int().min(0).openapi({ description: "How many other sessions were signed out." }) })
  .openapi("EndedSessions");
