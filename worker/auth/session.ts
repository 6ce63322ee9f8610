// Issues the pair of tokens a signed-in client holds: a 15-minute JWT and a rotating refresh token.
import type { Database } from "../db/client.ts";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "./access-token.ts";
import { createRefreshToken } from "./refresh-tokens.ts";

export interface SessionTokens {
  access_token: string;
  refresh_token: string;
  token_type: "Bearer";
  expires_in: number;
}

/** The session answer for a refresh token already stored (a rotation writes its own, see rotateRefreshToken). */
export async function sessionFor(secret: string, user: { id: string; role: string }, refreshToken: string): Promise<SessionTokens> {
  return {
    access_token: await signAccessToken(secret, user.id, user.role),
    refresh_token: refreshToken,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
  };
}

/** A new session (sign-up, sign-in): the first token of a new refresh-token family. */
export async function issueSession(db: Database, secret: string, user: { id: string; role: string }): Promise<SessionTokens> {
  const refreshToken = await createRefreshToken(db, user.id, crypto.randomUUID());
  return sessionFor(secret, user, refreshToken);
}
