// The one error envelope every failure answers with: { error: { code, message, details? } }.
// Handlers throw ApiError; the app's onError turns anything thrown into the envelope, and never
// lets a stack trace or an internal message reach the client.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const ErrorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string().openapi({ example: "The request is not valid." }),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const notFound = (what = "resource") =>
  new ApiError(404, "not_found", `The ${what} was not found.`);

export function errorBody(code: string, message: string, details?: unknown): ErrorEnvelope {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const STATUS_CODES: Partial<Record<number, string>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/** The app-wide onError: known errors keep their status, everything else is a logged 500. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = STATUS_CODES[err.status] ?? "bad_request";
    const message = err.status === 400 ? describeBadRequest(err.message) : err.message || code;
    return c.json(errorBody(code, message), err.status);
  }
  console.error("unhandled error", c.req.method, c.req.path, err);
  return c.json(errorBody("internal_error", "Something went wrong on our side. Please try again."), 500);
}

function describeBadRequest(message: string): string {
  return /json/i.test(message) ? "The request body is not valid JSON." : message || "Bad request.";
}
