// Every page passes axe-core (no serious or critical violations) in the light and the dark theme
// at phone and desktop widths, and is photographed there for people to look at (artifacts/, not
// committed). The theme chosen in Settings applies at once; the keyboard reaches everything.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { apiSession, expect, expectNoSeriousViolations, newPerson, replies, signUp, test, watchPage, writeEntry } from "./fixtures.ts";

const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../artifacts/screenshots");
const THEMES = ["light", "dark"] as const;
const WIDTHS = [390, 1280] as const;

interface Visit {
  name: string;
  url: string;
  ready: (page: Page) => Promise<void>;
}

test("every page passes axe and is photographed in light and dark, phone and desktop", async ({ page, browser }) => {
  // Eight pages, each in four variants, with axe on each: minutes, not seconds, on a busy machine.
  test.setTimeout(300_000);
  await mkdir(shots, { recursive: true });
  await signUp(page, newPerson("Mira"));
  await writeEntry(page, { content: "Watched the boats come in. The tide was high and I felt calm and happy.", tags: ["sea"] });
  await writeEntry(page, { content: "Long day at work. I feel sad and tired, nobody listened in the meeting.", tags: ["work"] });
  await writeEntry(page, { content: "Walked by the harbour after dinner and felt better, almost joyful.", tags: ["walk", "sea"] });
  await expect(replies(page).last().getByRole("heading", { name: "Reflection" })).toBeVisible({ timeout: 15_000 });
  await page.goto("/entries");
  await page.getByRole("list", { name: "Entries, newest first" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/entries\/[0-9a-f-]{36}$/);
  const entryUrl = new URL(page.url()).pathname;

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

  const visits: Visit[] = [
    {
      name: "journal",
      url: "/",
      ready: async (p) => {
        await expect(replies(p).last().getByRole("heading", { name: "Reflection" })).toBeVisible();
        await p.getByText("More prompts").click();
        await expect(p.getByRole("list", { name: "Prompts" }).getByRole("button").first()).toBeVisible();
      },
    },
    { name: "entries", url: "/entries?q=tide", ready: (p) => expect(p.locator("mark").first()).toBeVisible() },
    { name: "entry", url: entryUrl, ready: (p) => expect(p.getByRole("heading", { name: "Reflection" })).toBeVisible() },
    {
      name: "insights",
      url: "/insights",
      ready: async (p) => {
        await expect(p.locator("canvas[data-drawn='true']")).toHaveCount(2);
        await expect(p.getByRole("heading", { name: "When you felt" }).first()).toBeVisible();
      },
    },
    {
      name: "goals",
      url: "/goals",
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
    { name: "settings", url: "/settings", ready: (p) => expect(p.getByLabel("Time zone")).toBeVisible() },
  ];

  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  const guestProblems = watchPage(guest);
  try {
    for (const colorScheme of THEMES) {
      for (const width of WIDTHS) {
        for (const p of [page, guest]) {
          await p.emulateMedia({ colorScheme, reducedMotion: "reduce" });
          await p.setViewportSize({ width, height: 900 });
        }
        for (const visit of visits) {
          await page.goto(visit.url);
          await visit.ready(page);
          await expectNoSeriousViolations(page, `${visit.name} (${colorScheme}, ${width}px)`);
          await page.screenshot({ path: path.join(shots, `${visit.name}-${colorScheme}-${width}.png`), fullPage: true });
        }
        for (const [name, heading] of [["signin", "Sign in"], ["signup", "Create your account"]] as const) {
          await guest.goto(`/${name}`);
          await expect(guest.getByRole("heading", { name: heading })).toBeVisible();
          await expectNoSeriousViolations(guest, `${name} (${colorScheme}, ${width}px)`);
          await guest.screenshot({ path: path.join(shots, `${name}-${colorScheme}-${width}.png`), fullPage: true });
        }
      }
    }
    expect(guestProblems).toEqual([]);
  } finally {
    await visitor.close();
  }

  // A theme chosen in Settings overrides the device's at once, and is remembered.
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
