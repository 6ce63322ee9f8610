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

export async function issueSession(
  db: Database,
  secret: string,
  user: { id: string; role: string },
  familyId: string = crypto.randomUUID(),
): Promise<SessionTokens> {
  const [accessToken, refreshToken] = await Promise.all([
    signAccessToken(secret, user.id, user.role),
    createRefreshToken(db, user.id, familyId),
  ]);
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
  };
}
