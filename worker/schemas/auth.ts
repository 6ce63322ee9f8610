// Request and response shapes of the account routes.
import { z } from "@hono/zod-openapi";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254))
  .openapi({ example: "ada@example.com" });

export const RegisterBodySchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(100),
    email: EmailSchema,
    password: z.string().min(10, "Use at least 10 characters.").max(256),
  })
  .openapi("RegisterBody");

export const LoginBodySchema = z
  .object({ email: EmailSchema, password: z.string().min(1).max(256) })
  .openapi("LoginBody");

export const RefreshBodySchema = z
  .object({ refresh_token: z.string().min(16).max(128) })
  .openapi("RefreshBody");

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
    refresh_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int(),
  })
  .openapi("Session");
