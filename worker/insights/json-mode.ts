// The body of a Workers AI answer in JSON mode: an object under `response`, or, from some models, the
// JSON as a string. Either way the caller gets the parsed value to check with its own zod schema.
import { z } from "zod";

const EnvelopeSchema = z.object({ response: z.unknown() });

/** Throws `fail("has no response")` or `fail("is not valid JSON")`, so each caller keeps its own error. */
export function jsonModeBody(raw: unknown, fail: (problem: string) => Error): unknown {
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw fail("has no response");
  const body = envelope.data.response;
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    throw fail("is not valid JSON");
  }
}
