// Short-lived JWT access tokens (jose, HS256). Verification pins the algorithm, issuer, audience and
// typ, so alg:none, another algorithm or key, or a token minted for something else is refused.
import { SignJWT, jwtVerify } from "jose";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const TOKEN_ISSUER = "tideline";
export const TOKEN_AUDIENCE = "tideline-api";
export const ACCESS_TOKEN_TYP = "at+jwt";
const ALGORITHM = "HS256";
/**
 * How far ahead of this Worker's clock a token's `iat` may be: tokens are signed by other isolates
 * and machines whose clocks drift a little. A token issued further in the future was not issued by us
 * (or a clock is badly wrong), and would outlive its 15 minutes, so it is refused.
 */
export const CLOCK_SKEW_SECONDS = 60;

function signingKey(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error("JWT_SECRET must be at least 32 characters");
  return new TextEncoder().encode(secret);
}

/**
 * `sid` names the session (the refresh-token family) the token was issued in, so that "sign out
 * everywhere else" and a password change know which session to keep.
 */
export async function signAccessToken(secret: string, userId: string, role: string, sessionId: string): Promise<string> {
  return new SignJWT({ role, sid: sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TOKEN_TYP })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .setJti(crypto.randomUUID())
    .sign(signingKey(secret));
}

export interface AccessTokenClaims {
  userId: string;
  /** Null for a token without one (issued before sessions were named). */
  sessionId: string | null;
}

/** Answers whom and which session the token was issued to, or null for any token that must not be trusted. */
export async function verifyAccessTokenClaims(secret: string, token: string): Promise<AccessTokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, signingKey(secret), {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      typ: ACCESS_TOKEN_TYP,
      requiredClaims: ["sub", "exp", "iat", "jti"],
    });
    // jose checks exp and nbf, but not whether iat lies in the future.
    if (typeof payload.iat !== "number" || payload.iat > Math.floor(Date.now() / 1000) + CLOCK_SKEW_SECONDS) return null;
    if (typeof payload.sub !== "string" || payload.sub.length === 0) return null;
    return { userId: payload.sub, sessionId: typeof payload.sid === "string" && payload.sid.length > 0 ? payload.sid : null };
  } catch {
    return null;
  }
}
