// The types of Hono's context for this app: the Worker's bindings and what middleware sets.
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
}

export interface AppBindings {
  Bindings: Env;
  Variables: { user: AuthenticatedUser };
}
