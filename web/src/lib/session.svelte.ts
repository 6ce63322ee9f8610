// Who is signed in, and the tokens that prove it. The access token stays in memory only (a page
// reload gets a new one); the refresh token is kept in localStorage so a session survives reloads.
export interface User {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
}

export interface SessionTokens {
  user: User;
  access_token: string;
  refresh_token: string;
}

const REFRESH_KEY = "tideline.refresh_token";

/** Reactive: components read `session.user` to know whether someone is signed in. */
export const session = $state<{ user: User | null }>({ user: null });

let accessToken: string | null = null;

export const getAccessToken = () => accessToken;

export function getRefreshToken(): string | null {
  try {
    return localStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

export function startSession(tokens: SessionTokens): void {
  accessToken = tokens.access_token;
  session.user = tokens.user;
  try {
    localStorage.setItem(REFRESH_KEY, tokens.refresh_token);
  } catch {
    // Storage refused (private mode, quota): the session lasts until the tab closes.
  }
}

export function endSession(): void {
  accessToken = null;
  session.user = null;
  try {
    localStorage.removeItem(REFRESH_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

export const hasStoredSession = () => getRefreshToken() !== null;
