// Who is signed in, and the access token that proves it, kept in memory only (a page reload gets a
// new one). The refresh token never reaches this code: the API keeps it in an HttpOnly cookie that no
// script can read. What is remembered across reloads is only a flag that a session probably exists,
// so that the app knows to renew the access token instead of sending the person to sign in.
import { allowOfflineData, forgetOfflineData } from "./offline-cache.ts";

export interface User {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
}

export interface SessionTokens {
  user: User;
  access_token: string;
}

/** Not a credential: "1" while a session cookie is expected to exist. */
const SIGNED_IN_KEY = "tideline.signed_in";
/** Where earlier versions kept the refresh token itself; removed on sight. */
const LEGACY_REFRESH_KEY = "tideline.refresh_token";

/** Reactive: components read `session.user` to know whether someone is signed in. */
export const session = $state<{ user: User | null }>({ user: null });

let accessToken: string | null = null;

export const getAccessToken = () => accessToken;

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

try {
  storage()?.removeItem(LEGACY_REFRESH_KEY);
} catch {
  // Nothing stored, nothing to remove.
}

let signedInThisTab = false;

export function startSession(tokens: SessionTokens): void {
  void allowOfflineData();
  accessToken = tokens.access_token;
  session.user = tokens.user;
  signedInThisTab = true;
  try {
    storage()?.setItem(SIGNED_IN_KEY, "1");
  } catch {
    // Storage refused (private mode, quota): the session lasts while this tab remembers it.
  }
}

export function endSession(): void {
  void forgetOfflineData();
  accessToken = null;
  session.user = null;
  signedInThisTab = false;
  try {
    storage()?.removeItem(SIGNED_IN_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

/** Whether a session cookie is expected: the API is the judge (a renewal that fails ends the session). */
export const hasStoredSession = () => {
  if (signedInThisTab) return true;
  try {
    return storage()?.getItem(SIGNED_IN_KEY) === "1";
  } catch {
    return false;
  }
};
