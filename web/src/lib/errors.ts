// Turns any failure (an API error envelope, a network failure, a surprise) into words for a person,
// plus per-field messages so forms can show them next to the right input.
export interface Problem {
  message: string;
  /** Field name (first segment of the API's detail path, e.g. "tags" for "tags.0") → message. */
  fields: Record<string, string>;
}

const OFFLINE = "Tideline can’t be reached right now. Check your connection and try again.";
const UNKNOWN = "Something went wrong. Please try again.";

const BY_STATUS: Record<number, string> = {
  401: "Your session has ended. Please sign in again.",
  404: "That could not be found. It may have been deleted.",
  413: "That is too large to send.",
  429: "Too many attempts. Please wait a minute and try again.",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Reads the error envelope `{ error: { code, message, details? } }` from a failed response. */
export async function problemFromResponse(res: Response): Promise<Problem> {
  const fallback = res.status >= 500 ? "Something went wrong on our side. Please try again." : (BY_STATUS[res.status] ?? UNKNOWN);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { message: fallback, fields: {} };
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const message = error && typeof error.message === "string" && error.message ? error.message : fallback;
  const fields: Record<string, string> = {};
  if (error && Array.isArray(error.details)) {
    for (const detail of error.details) {
      if (!isRecord(detail) || typeof detail.message !== "string") continue;
      const field = typeof detail.path === "string" ? (detail.path.split(".")[0] ?? "") : "";
      if (field && !(field in fields)) fields[field] = detail.message;
    }
  }
  return { message, fields };
}

/** Whether a thrown value is already a Problem (loaders throw the envelope's words). */
export const isProblem = (value: unknown): value is Problem =>
  typeof value === "object" && value !== null && "message" in value && "fields" in value;

export function problemFromError(err: unknown): Problem {
  // fetch rejects with a TypeError when the network (or the server) cannot be reached.
  if (err instanceof TypeError) return { message: OFFLINE, fields: {} };
  return { message: UNKNOWN, fields: {} };
}
