// Accounts: register, sign in, rotate the refresh token, sign out, change the password, the signed-in
// sessions, read and delete the account. The web app's refresh token travels in an HttpOnly cookie,
// everyone else's in the JSON body (auth/refresh-cookie.ts says which and why).
import { createRoute } from "@hono/zod-openapi";
import { currentSessionId } from "../auth/current-session.ts";
import { deviceOf } from "../auth/device.ts";
import { clearRefreshCookie, deliverSession, fromOwnOrigin, readRefreshCookie } from "../auth/refresh-cookie.ts";
import { getDb } from "../db/client.ts";
import { ApiError } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { requireKnownOrigin } from "../middleware/origin.ts";
import { authRateLimit } from "../middleware/rate-limit.ts";
import {
  ChangePasswordBodySchema,
  DeleteAccountBodySchema,
  EndedSessionsSchema,
  LoginBodySchema,
  MeSchema,
  RefreshBodySchema,
  RegisterBodySchema,
  SessionListSchema,
  SessionSchema,
} from "../schemas/auth.ts";
import {
  bearerAuth,
  commonErrors,
  conflictError,
  forbiddenError,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
  rateLimitedError,
} from "../schemas/common.ts";
import { changePassword, deleteAccount, refreshSession, register, signIn, signOut } from "../services/accounts.ts";
import { endOtherSessions, endSession, listSessions } from "../services/sessions.ts";

/** The body is optional where the cookie can stand in for it. */
const optionalJsonBody = <T extends Parameters<typeof jsonBody>[0]>(schema: T) => ({ ...jsonBody(schema), required: false });

/** Neither form of the credential came: a request missing its input, not a session that ended. */
const noRefreshToken = () =>
  new ApiError(400, "validation_failed", "Some fields are not valid.", [
    { path: "refresh_token", message: "Send the refresh token, or the session cookie from the app's own pages." },
  ]);

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
    async (c) => c.json(deliverSession(c, await register(getDb(c.env), c.env.JWT_SECRET, c.req.valid("json"), deviceOf(c.req.raw))), 201),
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
      return c.json(deliverSession(c, await signIn(getDb(c.env), c.env.JWT_SECRET, email, password, deviceOf(c.req.raw))), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/refresh",
      tags: ["auth"],
      summary: "Exchange a refresh token (in the body, or the app's session cookie) for new tokens; the old one stops working",
      middleware: [requireKnownOrigin] as const,
      request: { body: optionalJsonBody(RefreshBodySchema) },
      responses: { 200: jsonResponse(SessionSchema, "Fresh tokens."), ...commonErrors, ...forbiddenError },
    }),
    async (c) => {
      const inBody = c.req.valid("json").refresh_token;
      // A token in the body is answered in the body, a cookie with a cookie.
      const token = inBody ?? readRefreshCookie(c);
      if (token === null) throw noRefreshToken();
      try {
        const session = await refreshSession(getDb(c.env), c.env.JWT_SECRET, token, deviceOf(c.req.raw));
        return c.json(inBody === undefined ? deliverSession(c, session) : session, 200);
      } catch (err) {
        if (inBody === undefined) clearRefreshCookie(c);
        throw err;
      }
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/logout",
      tags: ["auth"],
      summary: "Sign out: revokes the whole family of the refresh token (in the body, or the session cookie), or else of this access token's session",
      security: bearerAuth,
      middleware: [requireKnownOrigin] as const,
      request: { body: optionalJsonBody(RefreshBodySchema) },
      responses: { 204: { description: "Signed out." }, ...commonErrors, ...forbiddenError },
    }),
    async (c) => {
      const token = c.req.valid("json").refresh_token ?? readRefreshCookie(c);
      await signOut(getDb(c.env), c.get("user").id, token, await currentSessionId(c));
      if (fromOwnOrigin(c)) clearRefreshCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/password",
      tags: ["auth"],
      summary: "Change the password (the current one is asked for); every other session is signed out",
      security: bearerAuth,
      middleware: [authRateLimit] as const,
      request: { body: jsonBody(ChangePasswordBodySchema) },
      responses: {
        200: jsonResponse(EndedSessionsSchema, "Changed; how many other sessions ended."),
        ...commonErrors,
        ...forbiddenError,
        ...rateLimitedError,
      },
    }),
    async (c) => c.json(await changePassword(getDb(c.env), c.get("user").id, await currentSessionId(c), c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/sessions",
      tags: ["auth"],
      summary: "The signed-in devices: one per sign-in, with when it was last used and roughly where",
      security: bearerAuth,
      responses: { 200: jsonResponse(SessionListSchema, "The sessions, most recently used first."), ...commonErrors },
    }),
    async (c) => c.json(await listSessions(getDb(c.env), c.get("user").id, await currentSessionId(c)), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/sessions/revoke-others",
      tags: ["auth"],
      summary: "Sign out everywhere else: ends every session but this one",
      security: bearerAuth,
      responses: { 200: jsonResponse(EndedSessionsSchema, "How many sessions ended."), ...commonErrors },
    }),
    async (c) => c.json(await endOtherSessions(getDb(c.env), c.get("user").id, await currentSessionId(c)), 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/sessions/{id}",
      tags: ["auth"],
      summary: "End one session (its refresh token stops working; its access token runs out within 15 minutes)",
      security: bearerAuth,
      request: { params: IdParamSchema },
      responses: { 204: { description: "Ended." }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      await endSession(getDb(c.env), c.get("user").id, c.req.valid("param").id);
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
