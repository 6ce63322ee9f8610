// Accounts: register, sign in, rotate the refresh token, sign out, read and delete the account.
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { burnPasswordCheck, hashPassword, verifyUserPassword } from "../auth/password.ts";
import { findFamilyOf, revokeFamily, rotateRefreshToken } from "../auth/refresh-tokens.ts";
import { issueSession, sessionFor } from "../auth/session.ts";
import { getDb } from "../db/client.ts";
import { settings, users } from "../db/schema.ts";
import { isUniqueViolation } from "../lib/db-errors.ts";
import { ApiError } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { authRateLimit } from "../middleware/rate-limit.ts";
import {
  DeleteAccountBodySchema,
  LoginBodySchema,
  RefreshBodySchema,
  RegisterBodySchema,
  SessionSchema,
  UserSchema,
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
import { deleteAccountData } from "../services/account-deletion.ts";

const invalidCredentials = () =>
  new ApiError(401, "invalid_credentials", "That email and password do not match an account.");
const invalidRefreshToken = () =>
  new ApiError(401, "invalid_refresh_token", "Your session has ended. Please sign in again.");

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
    async (c) => {
      const { name, email, password } = c.req.valid("json");
      const db = getDb(c.env);
      const existing = await db.query.users.findFirst({ where: eq(users.email, email), columns: { id: true } });
      if (existing) throw new ApiError(409, "email_taken", "An account with this email already exists.");
      const hashed = await hashPassword(password);
      const user = { id: crypto.randomUUID(), email, name, role: "user" as const };
      const now = Date.now();
      try {
        await db.batch([
          db.insert(users).values({
            ...user,
            passwordHash: hashed.hash,
            passwordSalt: hashed.salt,
            passwordIterations: hashed.iterations,
            createdAt: now,
          }),
          db.insert(settings).values({ userId: user.id, updatedAt: now }),
        ]);
      } catch (err) {
        // Two sign-ups for one email at once: the unique index decides, the loser gets 409.
        if (isUniqueViolation(err)) {
          throw new ApiError(409, "email_taken", "An account with this email already exists.");
        }
        throw err;
      }
      const session = await issueSession(db, c.env.JWT_SECRET, user);
      return c.json({ user, ...session }, 201);
    },
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
      const db = getDb(c.env);
      const row = await db.query.users.findFirst({ where: eq(users.email, email) });
      if (!row) {
        await burnPasswordCheck(password);
        throw invalidCredentials();
      }
      if (!(await verifyUserPassword(password, row))) throw invalidCredentials();
      const user = { id: row.id, email: row.email, name: row.name, role: row.role };
      const session = await issueSession(db, c.env.JWT_SECRET, user);
      return c.json({ user, ...session }, 200);
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
    async (c) => {
      const db = getDb(c.env);
      const rotation = await rotateRefreshToken(db, c.req.valid("json").refresh_token);
      if (!rotation.ok) throw invalidRefreshToken();
      const row = await db.query.users.findFirst({
        where: eq(users.id, rotation.userId),
        columns: { id: true, email: true, name: true, role: true },
      });
      if (!row) throw invalidRefreshToken();
      const session = await sessionFor(c.env.JWT_SECRET, row, rotation.refreshToken);
      return c.json({ user: row, ...session }, 200);
    },
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
      const db = getDb(c.env);
      const familyId = await findFamilyOf(db, c.req.valid("json").refresh_token, c.get("user").id);
      if (familyId) await revokeFamily(db, familyId);
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
      responses: { 200: jsonResponse(z.object({ user: UserSchema }), "The account."), ...commonErrors },
    }),
    (c) => c.json({ user: c.get("user") }, 200),
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
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const row = await db.query.users.findFirst({ where: eq(users.id, userId) });
      // 403, not 401: the session is fine, the confirmation is wrong (a client must not refresh and retry).
      if (!row || !(await verifyUserPassword(c.req.valid("json").password, row))) throw new ApiError(403, "wrong_password", "The password is not correct.");
      await deleteAccountData(c.env, userId);
      return c.body(null, 204);
    },
  );
