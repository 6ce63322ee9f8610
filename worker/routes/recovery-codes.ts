// Recovery codes (issue 12, part 4): make a set while signed in, see how many are left, and set a new
// password with one when the password is lost. Mounted under /api/auth beside the other account routes.
import { createRoute } from "@hono/zod-openapi";
import { deviceOf } from "../auth/device.ts";
import { deliverSession } from "../auth/refresh-cookie.ts";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { authRateLimit } from "../middleware/rate-limit.ts";
import { SessionSchema } from "../schemas/auth.ts";
import { bearerAuth, commonErrors, forbiddenError, jsonBody, jsonResponse, rateLimitedError } from "../schemas/common.ts";
import {
  GenerateRecoveryCodesBodySchema,
  NewRecoveryCodesSchema,
  RecoverBodySchema,
  RecoveryCodesStatusSchema,
} from "../schemas/recovery-codes.ts";
import { generateRecoveryCodes, recoverWithCode, recoveryCodesStatus } from "../services/recovery-codes.ts";

export const recoveryCodeRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/recovery-codes",
      tags: ["auth"],
      summary: "Make ten new single-use recovery codes (the password is asked for); shown once, and the old ones stop working",
      security: bearerAuth,
      // It checks a password, so it shares sign-in's budget.
      middleware: [authRateLimit] as const,
      request: { body: jsonBody(GenerateRecoveryCodesBodySchema) },
      responses: {
        201: jsonResponse(NewRecoveryCodesSchema, "The codes, this once."),
        ...commonErrors,
        ...forbiddenError,
        ...rateLimitedError,
      },
    }),
    async (c) => c.json(await generateRecoveryCodes(getDb(c.env), c.env.JWT_SECRET, c.get("user").id, c.req.valid("json").password), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/recovery-codes",
      tags: ["auth"],
      summary: "How many recovery codes are left unused, and when they were made (never the codes)",
      security: bearerAuth,
      responses: { 200: jsonResponse(RecoveryCodesStatusSchema, "The current set."), ...commonErrors },
    }),
    async (c) => c.json(await recoveryCodesStatus(getDb(c.env), c.get("user").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/recover",
      tags: ["auth"],
      summary: "Set a new password with a recovery code; the code is spent, every session ends, and this one signs in",
      middleware: [authRateLimit] as const,
      request: { body: jsonBody(RecoverBodySchema) },
      responses: {
        200: jsonResponse(SessionSchema, "The account with fresh tokens."),
        ...commonErrors,
        ...rateLimitedError,
      },
    }),
    async (c) => c.json(deliverSession(c, await recoverWithCode(getDb(c.env), c.env.JWT_SECRET, c.req.valid("json"), deviceOf(c.req.raw))), 200),
  );
