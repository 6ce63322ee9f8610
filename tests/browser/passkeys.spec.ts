// Passkeys in the browser, with Chromium's virtual authenticator (the DevTools protocol's WebAuthn
// domain): register one in Settings, sign out, sign in with it and no password; a cancelled prompt
// says so plainly; removing the passkey (after a confirmation) stops it signing in.
// WebAuthn refuses IP-address origins, so this test opens the app as localhost rather than 127.0.0.1.
import type { Browser, BrowserContext, CDPSession, Page } from "@playwright/test";
import { expect, newPerson, signUp, test, watchPage } from "./fixtures.ts";

async function localhostContext(browser: Browser): Promise<BrowserContext> {
  const base = new URL(String(test.info().project.use.baseURL));
  base.hostname = "localhost";
  return browser.newContext({ baseURL: base.origin });
}

/** A platform authenticator that verifies the person at once (as a fingerprint reader would). */
async function addAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

test("register a passkey in Settings, sign out, and sign in with it (no password); removing it stops it working", async ({ browser }) => {
  const context = await localhostContext(browser);
  try {
    const tab = await context.newPage();
    const problems = watchPage(tab);
    const { cdp, authenticatorId } = await addAuthenticator(tab);
    const person = newPerson("Noor");
    await signUp(tab, person);

    await tab.goto("/settings");
    const section = tab.getByRole("region", { name: "Passkeys" });
    await expect(section.getByText("You have no passkeys yet.")).toBeVisible();
    await section.getByLabel("Name for the new passkey (optional)").fill("Test laptop");
    await section.getByRole("button", { name: "Add a passkey" }).click();
    await expect(section.getByText("Passkey “Test laptop” added.")).toBeVisible();
    const list = section.getByRole("list", { name: "Your passkeys" });
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list.getByRole("listitem")).toContainText("not used yet");
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);

    // Sign out, then in with the passkey alone.
    await tab.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(tab).toHaveURL(/\/signin/);
    await tab.getByRole("button", { name: "Use a passkey" }).click();
    await expect(tab).toHaveURL(/\/$/);
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${person.name}`);

    // A reload keeps the session (the passkey sign-in set the same HttpOnly cookie as a password one).
    await tab.reload();
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${person.name}`);

    // The passkey now shows its last use; removing it asks first.
    await tab.goto("/settings");
    await expect(list.getByRole("listitem")).toContainText("last used");
    await list.getByRole("button", { name: "Remove passkey Test laptop" }).click();
    const dialog = tab.getByRole("dialog", { name: "Remove the passkey “Test laptop”?" });
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await list.getByRole("button", { name: "Remove passkey Test laptop" }).click();
    await dialog.getByRole("button", { name: "Yes, remove it" }).click();
    await expect(section.getByText("Passkey “Test laptop” removed.")).toBeVisible();
    await expect(section.getByText("You have no passkeys yet.")).toBeVisible();

    // The authenticator still holds the credential, but the server no longer accepts it.
    await tab.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(tab).toHaveURL(/\/signin/);
    await tab.getByRole("button", { name: "Use a passkey" }).click();
    await expect(tab.getByRole("alert")).toContainText("That passkey could not sign you in.");
    await expect(tab).toHaveURL(/\/signin/);

    // A prompt that ends without the person verified (as when they cancel it) is told in plain words.
    await cdp.send("WebAuthn.setUserVerified", { authenticatorId, isUserVerified: false });
    await tab.getByRole("button", { name: "Use a passkey" }).click();
    await expect(tab.getByRole("alert")).toContainText("Passkey sign-in was cancelled or timed out.");
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});
