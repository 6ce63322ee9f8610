// Safety in the app: an entry that sounds like a crisis is answered with the crisis lines of the
// person's country (links that dial and text), with no suggestions or points; a hard time gets the
// lines folded away; an idiom gets nothing. "Get help now" is in the header for everyone, signed in or
// out, and its page follows the country in Settings. Everything passes axe in light and dark, and is
// photographed there (artifacts/, not committed).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { apiSession, conversation, expect, expectNoSeriousViolations, newPerson, replies, signUp, test, writeEntry } from "./fixtures.ts";

const CRISIS = "I don't want to be alive anymore. I've been thinking about ending it all.";
const IDIOM = "This deadline is killing me but I'll get there";
const CONCERN = "Nothing is ever going to get better. I've stopped believing it will.";
const CRISIS_HEADING = "You deserve support right now";
const THEMES = ["light", "dark"] as const;
const shots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../artifacts/screenshots");

/** axe in the light and the dark theme, with a photograph of each. */
async function checkThemes(page: Page, name: string, what: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await expectNoSeriousViolations(page, `${what} (${colorScheme})`);
    await page.screenshot({ path: path.join(shots, `${name}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

const helpLink = (page: Page) => page.getByRole("link", { name: "Get help now" });

test("a crisis entry gets the lines for the person's country and nothing else; an idiom gets none", async ({ page }) => {
  test.setTimeout(90_000);
  const liveFrames: string[] = [];
  page.on("websocket", (ws) => ws.on("framereceived", (frame) => liveFrames.push(String(frame.payload))));
  await signUp(page, newPerson("Rhea"));
  await expect(helpLink(page)).toBeVisible();
  // On a desktop the link shares the header's one row with the navigation and "Sign out". The three
  // are measured in one go: the journal scrolls to its newest entry once it has loaded.
  const middles = await page.getByRole("banner").evaluate((banner) => {
    const middle = (selector: string, text: string) => {
      const element = [...banner.querySelectorAll(selector)].find((e) => e.textContent?.trim() === text);
      const box = element?.getBoundingClientRect();
      return box ? box.top + box.height / 2 : Number.NaN;
    };
    return { journal: middle("a", "Journal"), help: middle("a", "Get help now"), signOut: middle("button", "Sign out") };
  });
  expect(Math.abs(middles.help - middles.journal)).toBeLessThan(8);
  expect(Math.abs(middles.signOut - middles.journal)).toBeLessThan(8);

  // The country for crisis lines is chosen in Settings and saved with the other preferences.
  await page.goto("/settings");
  const country = page.getByLabel("Country for crisis lines");
  await expect(country.locator("option").first()).toHaveText(/^From my time zone \(.+\)$/);
  await expect(country.locator("option[value='GB']")).toHaveText("United Kingdom");
  await country.selectOption("GB");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(page.getByText("Now showing the lines for United Kingdom.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Country for crisis lines")).toHaveValue("GB");
  await checkThemes(page, "settings-country", "settings with a country chosen");

  await page.goto("/");
  await expect(page.getByLabel("What’s on your mind?")).toBeVisible();

  // An idiom is an ordinary entry: suggestions, and no card.
  const idiom = await writeEntry(page, { content: IDIOM });
  await expect(idiom.getByRole("list", { name: /Things that might help/ })).toBeVisible();
  await expect(idiom.getByRole("region")).toHaveCount(0);
  await expect(idiom.getByText("People you can talk to")).toHaveCount(0);

  // A crisis: a calm card with the UK lines, as links that dial and text, and the kind caveat.
  const crisis = await writeEntry(page, { content: CRISIS });
  const card = crisis.getByRole("region", { name: CRISIS_HEADING });
  await expect(card).toBeVisible();
  await expect(card.getByRole("heading", { name: CRISIS_HEADING })).toBeVisible();
  const lines = card.getByRole("list", { name: "Crisis lines" });
  await expect(lines).toContainText("Samaritans");
  await expect(lines.getByRole("link", { name: /^Call 116 123/ })).toHaveAttribute("href", "tel:116123");
  await expect(lines.getByRole("link", { name: /^Text 85258/ })).toHaveAttribute("href", "sms:85258");
  const site = lines.getByRole("link", { name: /^samaritans\.org/ });
  await expect(site).toHaveAttribute("href", "https://www.samaritans.org");
  await expect(site).toHaveAttribute("target", "_blank");
  await expect(site).toHaveAttribute("rel", "noopener");
  await expect(lines).toContainText("Open 24/7");
  // The international directories follow the national lines.
  await expect(lines).toContainText("Find A Helpline");
  await expect(card).toContainText("not a crisis or clinical service");
  await expect(card).toContainText("immediate danger");
  await expect(card.getByRole("link", { name: "More ways to get help" })).toHaveAttribute("href", "/help");

  // No suggestion chips (not even an empty area), and the writing box stays free to use.
  await expect(crisis.getByRole("list", { name: /Things that might help/ })).toHaveCount(0);
  await expect(crisis.getByText("Things that might help")).toHaveCount(0);
  await expect(crisis.locator(".chips-block")).toHaveCount(0);
  await expect(page.locator("dialog[open], [aria-modal='true']")).toHaveCount(0);
  await expect(page.getByLabel("What’s on your mind?")).toBeEditable();
  await expect(page.getByLabel("What’s on your mind?")).toBeFocused();

  // Once both entries are analysed, no points notice is showing beside the crisis card.
  await expect.poll(() => liveFrames.filter((f) => f.includes('"insight.ready"')).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(500);
  await expect(page.getByRole("status").filter({ hasText: /points?/ })).toHaveCount(0);

  // The card is reachable with the keyboard: tabbing backwards from the writing box lands on its links.
  const call = lines.getByRole("link", { name: /^Call 116 123/ });
  await page.getByLabel("What’s on your mind?").focus();
  for (let i = 0; i < 40 && !(await call.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(call).toBeFocused();

  // After a reload the conversation shows the card again; the idiom still has none.
  await page.reload();
  const turns = conversation(page).getByRole("listitem").filter({ has: page.getByRole("article", { name: /^You wrote/ }) });
  await expect(turns).toHaveCount(2);
  await expect(replies(page).nth(1).getByRole("region", { name: CRISIS_HEADING })).toBeVisible();
  await expect(replies(page).nth(0).getByRole("region")).toHaveCount(0);

  await checkThemes(page, "safety-crisis-card", "journal with a crisis card");
  await page.setViewportSize({ width: 390, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(helpLink(page)).toBeInViewport();
  await checkThemes(page, "safety-crisis-card-phone", "journal with a crisis card, phone");
  await page.setViewportSize({ width: 1280, height: 720 });

  // The entry's own page shows the same card.
  await turns.nth(1).getByRole("link", { name: /open this entry/ }).click();
  await expect(page).toHaveURL(/\/entries\/[0-9a-f-]{36}$/);
  const entryCard = page.getByRole("region", { name: CRISIS_HEADING });
  await expect(entryCard).toBeVisible();
  await expect(entryCard.getByRole("heading", { level: 2, name: CRISIS_HEADING })).toBeVisible();
  await expect(entryCard.getByRole("link", { name: /^Call 116 123/ })).toHaveAttribute("href", "tel:116123");
  await checkThemes(page, "safety-entry-card", "entry page with a crisis card");
});

test("a hard time gets the lines offered quietly, folded away", async ({ page }) => {
  await signUp(page, newPerson("Ines"));
  const reply = await writeEntry(page, { content: CONCERN });
  const card = reply.getByRole("region", { name: "People you can talk to" });
  await expect(card).toBeVisible();
  await expect(reply.getByRole("heading", { name: CRISIS_HEADING })).toHaveCount(0);
  // Closed at first, opened from the keyboard.
  const lines = card.getByRole("list", { name: "Support lines" });
  await expect(lines).toBeHidden();
  await card.getByText("People you can talk to").focus();
  await page.keyboard.press("Enter");
  await expect(lines).toBeVisible();
  await expect(lines).toContainText("Find A Helpline");
  await expect(card).toContainText("not a crisis or clinical service");
  // At most "reach out" suggestions.
  const chips = reply.getByRole("list", { name: /Things that might help/ }).getByRole("button");
  for (const text of await chips.allInnerTexts()) expect(text.toLowerCase()).toMatch(/reach out|talk it through|support line/);
  await checkThemes(page, "safety-concern-card", "journal with an open concern card");
});

test("Get help now is there signed out and signed in, and follows the country in Settings", async ({ page }) => {
  // Signed out: the sign-in page has the link, and the help page opens without an account.
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await helpLink(page).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("heading", { level: 1, name: "Get help now" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const lines = page.getByRole("list", { name: "Crisis lines" });
  await expect(lines).toContainText("Find A Helpline");
  await expect(lines.getByRole("link", { name: /^findahelpline\.com/ })).toHaveAttribute("href", "https://findahelpline.com");
  await expect(page.getByRole("heading", { name: "About Tideline and your safety" })).toBeVisible();
  await expect(page.getByText(/not a clinical tool/)).toBeVisible();

  // Picking a country shows its lines first.
  const picker = page.getByLabel("Country", { exact: true });
  await expect(picker).toHaveValue("");
  await picker.selectOption("GB");
  await expect(page.getByRole("heading", { name: "Lines for United Kingdom" })).toBeVisible();
  await expect(lines.getByRole("link", { name: /^Call 116 123/ })).toHaveAttribute("href", "tel:116123");
  await checkThemes(page, "help-signed-out", "help page, signed out");
  await page.setViewportSize({ width: 390, height: 900 });
  await expect(helpLink(page)).toBeInViewport();
  await checkThemes(page, "help-signed-out-phone", "help page, signed out, phone");
  await page.setViewportSize({ width: 1280, height: 720 });

  // Signed in: the link is in the header of the journal, and the page starts from the person's country.
  await signUp(page, newPerson("Tomas"));
  await expect(helpLink(page)).toBeVisible();
  const { token, handBack } = await apiSession(page);
  const res = await page.request.put("/api/settings", { headers: { authorization: `Bearer ${token}` }, data: { country: "US" } });
  expect(res.status()).toBe(200);
  expect(((await res.json()) as { effective_country: string | null }).effective_country).toBe("US");
  await handBack();
  await page.reload();
  await helpLink(page).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("US");
  await expect(page.getByRole("heading", { name: "Lines for United States" })).toBeVisible();
  await expect(lines.getByRole("link", { name: /^Call 988/ })).toHaveAttribute("href", "tel:988");
  await expect(lines.getByRole("link", { name: /^Text 741741/ })).toHaveAttribute("href", "sms:741741");
  await expect(page.getByText("Your journal shows the lines for United States.")).toBeVisible();
  await checkThemes(page, "help-signed-in", "help page, signed in");

  // Back to the time zone: the settings say which country that is, in words.
  await page.goto("/settings");
  const country = page.getByLabel("Country for crisis lines");
  await expect(country).toHaveValue("US");
  await country.selectOption("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(country).toHaveValue("");
});
