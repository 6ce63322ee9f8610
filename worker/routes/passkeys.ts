// Passkeys (issue 12, part 2): register one while signed in, sign in with one instead of a password,
// list, rename and remove them. Mounted under /api/auth beside the other account routes; the two
// sign-in routes are public (middleware/public-routes.ts) and share sign-in's rate limit.
import { createRoute } from "@hono/zod-openapi";
import { deviceOf } from "../auth/device.ts";
import { relyingPartyOf } from "../auth/passkeys.ts";
import { deliverSession } from "../auth/refresh-cookie.ts";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { authRateLimit } from "../middleware/rate-limit.ts";
import { SessionSchema } from "../schemas/auth.ts";
import {
  bearerAuth,
  commonErrors,
  conflictError,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
  rateLimitedError,
} from "../schemas/common.ts";
import {
  AuthenticationOptionsSchema,
  PasskeyListSchema,
  PasskeyLoginBodySchema,
  PasskeySchema,
  RegisterPasskeyBodySchema,
  RegistrationOptionsSchema,
  RenamePasskeyBodySchema,
} from "../schemas/passkeys.ts";
import {
  listPasskeys,
  loginOptions,
  registerPasskey,
  registrationOptions,
  removePasskey,
  renamePasskey,
  signInWithPasskey,
} from "../services/passkeys.ts";

export const passkeyRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/passkeys/register/options",
      tags: ["passkeys"],
      summary: "Start registering a passkey: a single-use challenge (valid 5 minutes) and the options for navigator.credentials.create()",
      security: bearerAuth,
      responses: {
        200: jsonResponse(RegistrationOptionsSchema, "The creation options."),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => c.json(await registrationOptions(getDb(c.env), relyingPartyOf(c), await c.get("account")()), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/passkeys/register",
      tags: ["passkeys"],
      summary: "Finish registering: the browser's answer is verified (origin, challenge, user verification) and the passkey kept",
      security: bearerAuth,
      request: { body: jsonBody(RegisterPasskeyBodySchema) },
      responses: {
        201: jsonResponse(PasskeySchema, "The new passkey."),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => c.json(await registerPasskey(getDb(c.env), relyingPartyOf(c), c.get("user").id, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/passkeys/login/options",
      tags: ["passkeys"],
      summary: "Start signing in with a passkey: a single-use challenge (valid 5 minutes) for navigator.credentials.get()",
      middleware: [authRateLimit] as const,
      responses: {
        200: jsonResponse(AuthenticationOptionsSchema, "The request options."),
        ...rateLimitedError,
      },
    }),
    async (c) => c.json(await loginOptions(getDb(c.env), relyingPartyOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/passkeys/login",
      tags: ["passkeys"],
      summary: "Sign in with a passkey (no password): a session starts as with a password sign-in",
      middleware: [authRateLimit] as const,
      request: { body: jsonBody(PasskeyLoginBodySchema) },
      responses: {
        200: jsonResponse(SessionSchema, "The account with fresh tokens."),
        ...commonErrors,
        ...rateLimitedError,
      },
    }),
    async (c) =>
      c.json(
        deliverSession(c, await signInWithPasskey(getDb(c.env), c.env.JWT_SECRET, relyingPartyOf(c), c.req.valid("json"), deviceOf(c.req.raw))),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/passkeys",
      tags: ["passkeys"],
      summary: "The person's passkeys, oldest first",
      security: bearerAuth,
      responses: { 200: jsonResponse(PasskeyListSchema, "The passkeys."), ...commonErrors },
    }),
    async (c) => c.json(await listPasskeys(getDb(c.env), c.get("user").id), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/passkeys/{id}",
      tags: ["passkeys"],
      summary: "Rename a passkey",
      security: bearerAuth,
      request: { params: IdParamSchema, body: jsonBody(RenamePasskeyBodySchema) },
      responses: { 200: jsonResponse(PasskeySchema, "The renamed passkey."), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await renamePasskey(getDb(c.env), c.get("user").id, c.req.valid("param").id, c.req.valid("json").name), 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/passkeys/{id}",
      tags: ["passkeys"],
      summary: "Remove a passkey: it no longer signs anyone in (sessions it started go on until signed out)",
      security: bearerAuth,
      request: { params: IdParamSchema },
      responses: { 204: { description: "Removed." }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      await removePasskey(getDb(c.env), c.get("user").id, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
