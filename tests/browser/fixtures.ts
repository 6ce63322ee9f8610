// Shared pieces of the browser tests: a `test` whose pages fail on CSP violations and uncaught
// errors, fresh people per test, and the few UI steps every journey repeats.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";

export { expect };

export interface Person {
  name: string;
  email: string;
  password: string;
}

let counter = 0;
/** A person nobody has used before, so tests never depend on each other's data. */
export function newPerson(name = "Ada"): Person {
  const id = `${Date.now().toString(36)}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name, email: `${name.toLowerCase()}.${id}@example.test`, password: `correct horse ${id}` };
}

/** Watches a page for what must never happen: CSP violations and uncaught script errors. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to (load|execute|apply|connect)/i.test(msg.text())) {
      problems.push(`CSP: ${msg.text()}`);
    }
  });
  page.on("pageerror", (err) => problems.push(`Uncaught: ${err.message}`));
  return problems;
}

export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems = watch(page);
      await use(problems);
      expect(problems, "the page logged CSP violations or uncaught errors").toEqual([]);
    },
    { auto: true },
  ],
});

/** Watches a page opened outside the `page` fixture (e.g. in a second browser context). */
export const watchPage = watch;

export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${person.name}`);
}

export async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
}

export interface NewEntry {
  content: string;
  tags?: string[];
}

export const conversation = (page: Page) => page.getByRole("list", { name: "Conversation, oldest first" });
export const replies = (page: Page) => page.getByRole("article", { name: "Tideline replied" });

/** Writes an entry in the journal, sending with the keyboard shortcut or the button; returns the reply. */
export async function writeEntry(page: Page, entry: NewEntry, via: "shortcut" | "button" = "button"): Promise<Locator> {
  const content = page.getByLabel("What’s on your mind?");
  const before = await replies(page).count();
  await content.fill(entry.content);
  const tagBox = page.getByLabel("Tags (optional)");
  for (const tag of entry.tags ?? []) {
    await tagBox.fill(tag);
    await tagBox.press("Enter");
  }
  if (via === "shortcut") {
    await content.focus();
    await page.keyboard.press("Control+Enter");
  } else {
    await page.getByRole("button", { name: "Send", exact: true }).click();
  }
  await expect(page.getByRole("status").filter({ hasText: "Sent. Tideline replied" })).toBeVisible();
  await expect(content).toHaveValue("");
  await expect(replies(page)).toHaveCount(before + 1);
  return replies(page).nth(before);
}

/**
 * A session for calling the API directly, taken from the signed-in page. `page.request` shares the
 * browser context's cookies: the refresh goes out with the page's HttpOnly session cookie (and the
 * Origin a page of the app would send), and the rotated cookie lands back in the same jar, so the page
 * carries on with it. `handBack` is kept for the specs that call it; there is nothing left to hand back.
 */
export async function apiSession(page: Page): Promise<{ token: string; handBack: () => Promise<void> }> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post("/api/auth/refresh", { headers: { origin }, data: {} });
  expect(res.status()).toBe(200);
  const session = (await res.json()) as { access_token: string; refresh_token?: string };
  expect(session.refresh_token, "the app's refresh token stays in the cookie").toBeUndefined();
  return { token: session.access_token, handBack: async () => {} };
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `${what}: serious or critical axe violations`).toEqual([]);
}
