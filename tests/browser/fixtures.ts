// Shared pieces of the browser tests: a `test` whose pages fail on CSP violations and uncaught
// errors, fresh people per test, and the few UI steps every journey repeats.
import { test as base, expect, type Page } from "@playwright/test";

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
  title?: string;
  tags?: string[];
}

/** Writes an entry through the form, saving with the keyboard shortcut or the button. */
export async function writeEntry(page: Page, entry: NewEntry, via: "shortcut" | "button" = "button"): Promise<void> {
  const content = page.getByLabel("What’s on your mind?");
  await content.fill(entry.content);
  if (entry.title) await page.getByLabel("Title (optional)").fill(entry.title);
  if (entry.tags) await page.getByLabel("Tags (optional)").fill(entry.tags.join(", "));
  if (via === "shortcut") {
    await content.focus();
    await page.keyboard.press("Control+Enter");
  } else {
    await page.getByRole("button", { name: "Save entry" }).click();
  }
  await expect(page.getByRole("status").filter({ hasText: "Saved to your journal." })).toBeVisible();
  await expect(content).toHaveValue("");
}

export const entryList = (page: Page) => page.getByRole("list", { name: "Entries, newest first" });
export const entryTitles = (page: Page) => entryList(page).getByRole("heading", { level: 3 });
