// Issues the pair of tokens a signed-in client holds: a 15-minute JWT and a rotating refresh token.
// The JWT names its session (the refresh-token family) so that session routes know which one is "this".
import type { Database } from "../db/client.ts";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "./access-token.ts";
import type { Device } from "./device.ts";
import { startFamily } from "./refresh-tokens.ts";
import { assertNotDisabled } from "../services/account-check.ts";

export interface SessionTokens {
  access_token: string;
  refresh_token: string;
  token_type: "Bearer";
  expires_in: number;
}

/** The session answer for a refresh token already stored (a rotation writes its own, see rotateRefreshToken). */
export async function sessionFor(
  secret: string,
  user: { id: string; role: string },
  sessionId: string,
  refreshToken: string,
): Promise<SessionTokens> {
  return {
    access_token: await signAccessToken(secret, user.id, user.role, sessionId),
    refresh_token: refreshToken,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
  };
}

/** A new session (sign-up, sign-in): the first token of a new refresh-token family. */
export async function issueSession(db: Database, secret: string, user: { id: string; role: string }, device: Device): Promise<SessionTokens> {
  // Every way of signing in ends here: a disabled account gets no session (its refresh tokens were revoked when it was disabled).
  await assertNotDisabled(db, user.id);
  const { familyId, refreshToken } = await startFamily(db, user.id, device);
  return sessionFor(secret, user, familyId, refreshToken);
}
