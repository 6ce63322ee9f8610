// Schemas shared by several resources: ids, the error responses every route documents, pagination.
import { z } from "@hono/zod-openapi";
import { ErrorEnvelopeSchema } from "../lib/errors.ts";

export const IdParamSchema = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" }, example: "0b9f6a62-3f8e-4a4c-9d55-2f1f0e0c8a11" }),
});

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorEnvelopeSchema } },
});

/** The failures every authenticated route can answer, documented once. */
export const commonErrors = {
  400: errorResponse("The request is not valid; details lists the fields."),
  401: errorResponse("Missing, invalid or expired access token."),
} as const;

export const notFoundError = { 404: errorResponse("Not found (or not yours).") } as const;
export const conflictError = { 409: errorResponse("Conflicts with existing data.") } as const;
export const rateLimitedError = { 429: errorResponse("Too many attempts from this address.") } as const;
export const forbiddenError = { 403: errorResponse("Not allowed for this account.") } as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const bearerAuth = [{ bearerAuth: [] }];

/**
 * The instants Tideline stores or asks about: from 1970 (the graph orders states by milliseconds
 * since then) to the last that still has a four-digit year (dates are written YYYY-MM-DD).
 */
const EARLIEST_INSTANT_MS = Date.UTC(1970, 0, 1);
const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const withinBounds = (iso: string) => {
  const ms = Date.parse(iso);
  return ms >= EARLIEST_INSTANT_MS && ms <= LATEST_INSTANT_MS;
};

/** An ISO 8601 date-time with offset, between 1970-01-01 and 9999-12-31 (UTC). */
export const InstantSchema = z.iso
  .datetime({ offset: true })
  .refine(withinBounds, "Use a time between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.");
