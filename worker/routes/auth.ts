// Accounts: register, sign in, rotate the refresh token, sign out, read and delete the account.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { authRateLimit } from "../middleware/rate-limit.ts";
import {
  DeleteAccountBodySchema,
  LoginBodySchema,
  MeSchema,
  RefreshBodySchema,
  RegisterBodySchema,
  SessionSchema,
} from "../schemas/auth.ts";
import {
  bearerAuth,
  commonErrors,
  conflictError,
  forbiddenError,
  jsonBody,
  jsonResponse,
  rateLimitedError,
} from "../schemas/common.ts";
import { deleteAccount, refreshSession, register, signIn, signOut } from "../services/accounts.ts";

export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/register",
      tags: ["auth"],
      summary: "Create an account and sign in",
      middleware: [authRateLimit] as const,
      request: { body: jsonBody(RegisterBodySchema) },
      responses: {
        201: jsonResponse(SessionSchema, "The new account with its tokens."),
        ...commonErrors,
        ...conflictError,
        ...rateLimitedError,
      },
    }),
    async (c) => c.json(await register(getDb(c.env), c.env.JWT_SECRET, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/login",
      tags: ["auth"],
      summary: "Sign in with email and password",
      middleware: [authRateLimit] as const,
      request: { body: jsonBody(LoginBodySchema) },
      responses: {
        200: jsonResponse(SessionSchema, "The account with fresh tokens."),
        ...commonErrors,
        ...rateLimitedError,
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      return c.json(await signIn(getDb(c.env), c.env.JWT_SECRET, email, password), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/refresh",
      tags: ["auth"],
      summary: "Exchange a refresh token for new tokens (the old one stops working)",
      request: { body: jsonBody(RefreshBodySchema) },
      responses: { 200: jsonResponse(SessionSchema, "Fresh tokens."), ...commonErrors },
    }),
    async (c) => c.json(await refreshSession(getDb(c.env), c.env.JWT_SECRET, c.req.valid("json").refresh_token), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/logout",
      tags: ["auth"],
      summary: "Sign out: revokes the refresh token's whole family",
      security: bearerAuth,
      request: { body: jsonBody(RefreshBodySchema) },
      responses: { 204: { description: "Signed out." }, ...commonErrors },
    }),
    async (c) => {
      await signOut(getDb(c.env), c.get("user").id, c.req.valid("json").refresh_token);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags: ["auth"],
      summary: "The signed-in account",
      security: bearerAuth,
      responses: { 200: jsonResponse(MeSchema, "The account."), ...commonErrors },
    }),
    async (c) => c.json({ user: await c.get("account")() }, 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/me",
      tags: ["auth"],
      summary: "Delete the account and every piece of its data (asks for the password again)",
      security: bearerAuth,
      request: { body: jsonBody(DeleteAccountBodySchema) },
      responses: { 204: { description: "Deleted." }, ...commonErrors, ...forbiddenError },
    }),
    async (c) => {
      await deleteAccount(c.env, getDb(c.env), c.get("user").id, c.req.valid("json").password);
      return c.body(null, 204);
    },
  );
