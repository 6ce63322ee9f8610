// The main journey: sign up, write, read back newest first, search, export, sign out and in again.
import { readFile } from "node:fs/promises";
import { entryList, entryTitles, expect, newPerson, signIn, signUp, test, writeEntry } from "./fixtures.ts";

test("a new person writes, finds, exports and keeps their entries", async ({ page }) => {
  const person = newPerson("Ada");
  await signUp(page, person);
  await expect(page.getByText("Your journal is empty — write your first entry")).toBeVisible();

  await writeEntry(page, { title: "Morning pages", content: "Slept badly, coffee helped.", tags: ["sleep", "Coffee"] });
  await writeEntry(page, { title: "Sea walk", content: "Walked to the lighthouse after work and felt lighter.", tags: ["walk"] }, "shortcut");
  await writeEntry(page, { title: "Evening", content: "A quiet dinner with friends.", tags: ["friends", "food"] });

  // Newest first, right after writing and after a reload (which also renews the session).
  const newestFirst = ["Evening", "Sea walk", "Morning pages"];
  await expect(entryTitles(page)).toHaveText(newestFirst);
  await page.reload();
  await expect(entryTitles(page)).toHaveText(newestFirst);
  const first = entryList(page).getByRole("listitem").filter({ hasText: "Morning pages" });
  const tags = first.getByRole("list", { name: "Tags" }).getByRole("listitem");
  await expect(tags).toHaveCount(2);
  for (const tag of ["sleep", "coffee"]) await expect(tags.filter({ hasText: tag })).toHaveCount(1);

  // Search finds the one entry, with the matched word highlighted.
  await page.getByRole("searchbox", { name: "Search your entries" }).fill("lighthouse");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results.getByRole("heading", { name: "Sea walk" })).toBeVisible();
  await expect(results.locator("mark")).toHaveText([/lighthouse/i]);
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(results).toHaveCount(0);

  // Export JSON: a real download holding all three entries.
  await page.getByText("Export", { exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /^JSON/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tideline-export-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    format: string;
    entries: { title: string; content: string; tags: string[] }[];
  };
  expect(file.format).toBe("tideline-export");
  expect(file.entries).toHaveLength(3);
  expect(file.entries.map((e) => e.title).sort()).toEqual(["Evening", "Morning pages", "Sea walk"]);

  // Sign out, then back in: the entries are still there.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await signIn(page, person);
  await expect(entryTitles(page)).toHaveText(newestFirst);
});

test("the list loads older entries with “Load more”", async ({ page }) => {
  const person = newPerson("Lin");
  await signUp(page, person);
  // 21 entries straight through the API (one more than a page), using the app's own session.
  const refreshToken = await page.evaluate(() => localStorage.getItem("tideline.refresh_token"));
  const session = await (await page.request.post("/api/auth/refresh", { data: { refresh_token: refreshToken } })).json();
  for (let i = 1; i <= 21; i++) {
    const res = await page.request.post("/api/entries", {
      headers: { authorization: `Bearer ${session.access_token}` },
      data: { title: `Entry ${i}`, content: `Note number ${i}.` },
    });
    expect(res.status()).toBe(201);
  }
  await page.evaluate((token) => localStorage.setItem("tideline.refresh_token", token), session.refresh_token as string);
  await page.reload();
  await expect(entryTitles(page)).toHaveCount(20);
  await expect(entryTitles(page).first()).toHaveText("Entry 21");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(entryTitles(page)).toHaveCount(21);
  await expect(entryTitles(page).last()).toHaveText("Entry 1");
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
});

test("a wrong password shows a clear error", async ({ page }) => {
  const person = newPerson("Grace");
  const res = await page.request.post("/api/auth/register", { data: person });
  expect(res.status()).toBe(201);

  await page.goto("/signin");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("not the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test("sign-up shows field errors next to the field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short");
  await page.getByLabel("Email").fill("short@example.test");
  await page.getByLabel("Password").fill("tooshort");
  await page.getByRole("button", { name: "Create account" }).click();
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Use at least 10 characters/);
});
