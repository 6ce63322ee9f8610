// Every page passes axe-core (no serious or critical violations) in the light and the dark theme
// at phone and desktop widths, and is photographed there for people to look at (artifacts/, not
// committed). The theme chosen in Settings applies at once; the keyboard reaches everything.
// One test per page, each with its own time budget, so a slow machine slows a page, not the file.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "@playwright/test";
import { apiSession, expect, expectNoSeriousViolations, newPerson, replies, signUp, test, watchPage, writeEntry } from "./fixtures.ts";

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../artifacts/screenshots");
const THEMES = ["light", "dark"] as const;
const WIDTHS = [390, 1280] as const;
// One page in four variants with axe on each, on a busy 2-core machine.
const PAGE_BUDGET_MS = 120_000;

/**
 * Photographs a page in both themes at both widths after `ready` says it is complete, and checks
 * each variant with axe.
 */
async function checkEveryVariant(page: Page, name: string, url: string, ready: (page: Page) => Promise<void>): Promise<void> {
  await mkdir(shots, { recursive: true });
  for (const colorScheme of THEMES) {
    for (const width of WIDTHS) {
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await ready(page);
      await expectNoSeriousViolations(page, `${name} (${colorScheme}, ${width}px)`);
      await page.screenshot({ path: path.join(shots, `${name}-${colorScheme}-${width}.png`), fullPage: true });
    }
  }
}

test.describe("signed-out pages", () => {
  for (const [name, heading] of [["signin", "Sign in"], ["signup", "Create your account"]] as const) {
    test(`${name} passes axe and is photographed in light and dark, phone and desktop`, async ({ page }) => {
      test.setTimeout(PAGE_BUDGET_MS);
      await checkEveryVariant(page, name, `/${name}`, (p) => expect(p.getByRole("heading", { name: heading })).toBeVisible());
    });
  }
});

test.describe("signed-in pages", () => {
  // One person with entries, replies, insights and a goal, shared by the page tests below. They
  // share one browser context too: the app rotates its refresh token on every load, so a second
  // context holding an older token would trip reuse detection and be signed out.
  let member: BrowserContext;
  let entryUrl = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(PAGE_BUDGET_MS);
    member = await browser.newContext();
    const page = await member.newPage();
    const problems = watchPage(page);
    await signUp(page, newPerson("Mira"));
    await writeEntry(page, { content: "Watched the boats come in. The tide was high and I felt calm and happy.", tags: ["sea"] });
    await writeEntry(page, { content: "Long day at work. I feel sad and tired, nobody listened in the meeting.", tags: ["work"] });
    await writeEntry(page, { content: "Walked by the harbour after dinner and felt better, almost joyful.", tags: ["walk", "sea"] });
    await expect(replies(page).last().getByRole("heading", { name: "Reflection" })).toBeVisible({ timeout: 15_000 });
    await page.goto("/entries");
    await page.getByRole("list", { name: "Entries, newest first" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/entries\/[0-9a-f-]{36}$/);
    entryUrl = new URL(page.url()).pathname;

    // A goal with a step done and a note, so the goals page shows every part.
    const { token, handBack } = await apiSession(page);
    const headers = { authorization: `Bearer ${token}` };
    const created = await page.request.post("/api/goals", {
      headers,
      data: { title: "Walk by the sea every morning", life_area: "health", target_emotion: "joy", due_date: "2030-05-01", tasks: ["Find a route", "Set an alarm"] },
    });
    expect(created.status()).toBe(201);
    const goal = (await created.json()) as { id: string; tasks: { id: string }[] };
    expect((await page.request.patch(`/api/goals/${goal.id}/tasks/${goal.tasks[0]!.id}`, { headers, data: { done: true } })).status()).toBe(200);
    expect((await page.request.post(`/api/goals/${goal.id}/progress`, { headers, data: { progress: 60, note: "Three mornings so far" } })).status()).toBe(201);
    await handBack();
    await page.close();
    expect(problems, "the page logged CSP violations or uncaught errors").toEqual([]);
  });

  test.afterAll(async () => {
    await member?.close();
  });

  /** A page of the signed-in person's context, failing the test on CSP violations or uncaught errors. */
  async function memberPage(run: (page: Page) => Promise<void>): Promise<void> {
    const page = await member.newPage();
    const problems = watchPage(page);
    try {
      await run(page);
      expect(problems, "the page logged CSP violations or uncaught errors").toEqual([]);
    } finally {
      await page.close();
    }
  }

  const visits: { name: string; url: () => string; ready: (page: Page) => Promise<void> }[] = [
    {
      name: "journal",
      url: () => "/",
      ready: async (p) => {
        await expect(replies(p).last().getByRole("heading", { name: "Reflection" })).toBeVisible();
        await p.getByText("More prompts").click();
        await expect(p.getByRole("list", { name: "Prompts" }).getByRole("button").first()).toBeVisible();
      },
    },
    { name: "entries", url: () => "/entries?q=tide", ready: (p) => expect(p.locator("mark").first()).toBeVisible() },
    { name: "entry", url: () => entryUrl, ready: (p) => expect(p.getByRole("heading", { name: "Reflection" })).toBeVisible() },
    {
      name: "insights",
      url: () => "/insights",
      ready: async (p) => {
        await expect(p.locator("canvas[data-drawn='true']")).toHaveCount(2);
        await expect(p.getByRole("heading", { name: "When you felt" }).first()).toBeVisible();
      },
    },
    {
      name: "goals",
      url: () => "/goals",
      ready: async (p) => {
        const card = p.getByRole("article", { name: "Walk by the sea every morning" });
        await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "60");
        await expect(p.getByRole("heading", { name: "Earned" })).toBeVisible();
        await card.getByText("Record progress by hand").click();
        await card.getByText("Progress history").click();
        await expect(card.getByRole("list", { name: /newest first/ })).toBeVisible();
        await p.getByText("Recent points").click();
      },
    },
    { name: "settings", url: () => "/settings", ready: (p) => expect(p.getByLabel("Time zone")).toBeVisible() },
  ];

  for (const visit of visits) {
    test(`${visit.name} passes axe and is photographed in light and dark, phone and desktop`, async () => {
      test.setTimeout(PAGE_BUDGET_MS);
      await memberPage((page) => checkEveryVariant(page, visit.name, visit.url(), visit.ready));
    });
  }

  test("a theme chosen in Settings overrides the device's at once, and is remembered", async () => {
    test.setTimeout(PAGE_BUDGET_MS);
    await memberPage(async (page) => {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto("/settings");
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const lightBackground = await background();
      await page.getByRole("radio", { name: "Dark" }).check();
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
      expect(await background()).not.toBe(lightBackground);
      await expect(page.getByText("Theme saved.")).toBeVisible();
      await expectNoSeriousViolations(page, "settings (chosen dark theme)");
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
      await page.goto("/settings");
      await page.getByRole("radio", { name: "Same as this device" }).check();
      await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
    });
  });
});

test("the journal is usable with the keyboard alone", async ({ page }) => {
  await signUp(page, newPerson("Kay"));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The skip link comes first and moves focus to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByLabel("What’s on your mind?").focus();
  await page.keyboard.type("I feel sad and alone tonight.");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Tags (optional)")).toBeFocused();
  await page.keyboard.type("night");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Tags added" })).toContainText("night");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Sent. Tideline replied" })).toBeVisible();
  const reply = replies(page).first();
  await expect(reply).toContainText("Sensed:");

  // Tab backwards from the writing box into the reply's chips, and press one with the space bar.
  const chip = reply.getByRole("button", { pressed: false }).last();
  for (let i = 0; i < 15 && !(await chip.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(chip).toBeFocused();
  await page.keyboard.press("Space");
  await expect(reply.getByRole("button", { pressed: true })).toHaveCount(1);

  // The main navigation works from the keyboard too.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/insights$/);
  await page.getByRole("radio", { name: "Days" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Weeks" })).toBeChecked();
});
