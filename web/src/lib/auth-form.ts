// What sign-in and sign-up share once the form is valid: send it, start the session and go to the
// journal on success, or answer the problem in words to show beside the form.
import { goto } from "$app/navigation";
import { problemFromError, problemFromResponse, type Problem } from "./errors.ts";
import { startSession, type SessionTokens } from "./session.svelte.ts";

export async function authenticate(send: () => Promise<Response & { json(): Promise<SessionTokens> }>): Promise<Problem | null> {
  try {
    const res = await send();
    if (!res.ok) return await problemFromResponse(res);
    startSession(await res.json());
    await goto("/");
    return null;
  } catch (err) {
    return problemFromError(err);
  }
}
