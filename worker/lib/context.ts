// The types of Hono's context for this app: the Worker's bindings and what middleware sets.
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
}

export interface AppBindings {
  Bindings: Env;
  Variables: {
    /** Who is signed in (from the access token; the account itself is checked on every request). */
    user: { id: string };
    /** The signed-in account (email, name, role), read once per request; a 401 if it is gone. */
    account: () => Promise<AuthenticatedUser>;
  };
}
