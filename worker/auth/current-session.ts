// Which session a signed-in request was made in: the `sid` claim of its access token. The guard
// (middleware/auth.ts) has already verified the token and set the user; this reads the same header
// again for the one claim only the session routes need.
import type { Context } from "hono";
import type { AppBindings } from "../lib/context.ts";
import { verifyAccessTokenClaims } from "./access-token.ts";

export async function currentSessionId(c: Context<AppBindings>): Promise<string | null> {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(c.req.header("authorization") ?? "");
  if (!match?.[1]) return null;
  const claims = await verifyAccessTokenClaims(c.env.JWT_SECRET, match[1]);
  return claims !== null && claims.userId === c.get("user").id ? claims.sessionId : null;
}
